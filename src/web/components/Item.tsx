import type { ReactNode } from 'react';

type ItemProps = {
  /** What the item is: a name, a title. */
  title: ReactNode;
  /** A quieter line under the title, such as when it was made. */
  about?: ReactNode;
  /** More about the item, under that line. */
  more?: ReactNode;
  /** More class names for the list item, beside "item". */
  className?: string;
  /** What follows the title: the item's buttons, or more of it. */
  children?: ReactNode;
};

/** One entry of an item-list: its title, a line about it, and what can be done with it. */
export function Item({ title, about, more, className, children }: ItemProps) {
  return (
    <li className={className ? `item ${className}` : 'item'}>
      <div className="item-main">
        <p className="item-title">{title}</p>
        {about === undefined ? null : <p className="muted">{about}</p>}
        {more}
      </div>
      {children}
    </li>
  );
}

type ItemActionProps = {
  onClick: () => void;
  disabled?: boolean;
  /** The button's words; name the item in hidden text, so the button makes sense alone. */
  children: ReactNode;
};

/** The secondary action of an item, such as revoking or withdrawing it. */
export function ItemAction({ onClick, disabled, children }: ItemActionProps) {
  return (
    <button
      type="button"
      className="button button-secondary button-small"
      disabled={disabled}
      onClick={onClick}
    >
      {children}
    </button>
  );
}
