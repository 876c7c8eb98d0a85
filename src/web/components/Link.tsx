import type { AnchorHTMLAttributes, MouseEvent, ReactNode } from 'react';
import { navigate, usePlace } from '../lib/router.ts';

type LinkProps = Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href'> & {
  to: string;
  children: ReactNode;
};

/**
 * A real link that changes page through the router without reloading; opening
 * it in a new tab, or with a modifier key, is left to the browser.
 */
export function Link({ to, children, onClick, ...rest }: LinkProps) {
  function follow(event: MouseEvent<HTMLAnchorElement>) {
    onClick?.(event);
    if (event.defaultPrevented || event.button !== 0) return;
    if (event.metaKey || event.altKey || event.ctrlKey || event.shiftKey) return;
    if (rest.target && rest.target !== '_self') return;
    event.preventDefault();
    navigate(to);
  }
  return (
    <a href={to} onClick={follow} {...rest}>
      {children}
    </a>
  );
}

/** A link in the site navigation, marked as the current page when it is. */
export function NavLink({ to, children }: { to: string; children: ReactNode }) {
  const { pathname } = usePlace();
  const current = pathname === to || pathname.startsWith(`${to}/`);
  return (
    <Link to={to} aria-current={current ? 'page' : undefined}>
      {children}
    </Link>
  );
}
