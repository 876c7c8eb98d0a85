import { useCallback, useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { FormattedMessage } from 'react-intl';

/** What to ask before an action that cannot be undone. */
export type ConfirmRequest = {
  /** The question, naming the action: "Close the vote now?" */
  title: string;
  /** Its effect, in words: who can no longer do what, and what is recorded for good. */
  effect: ReactNode;
  /** The button that goes ahead, naming the action: "Close the vote". */
  confirmLabel: string;
  /** The button that does not; by default "Cancel". */
  cancelLabel?: string;
};

type Pending = ConfirmRequest & { resolve: (confirmed: boolean) => void };

/**
 * Asks before an irreversible action, in a modal dialog (the browser's own
 * `<dialog>`: focus moves into it and back, Escape cancels) that states the
 * action's effect. `confirm` resolves true only if the person goes ahead.
 * Render `dialog` once in the component that uses it.
 */
export function useConfirm(): {
  confirm: (request: ConfirmRequest) => Promise<boolean>;
  dialog: ReactNode;
} {
  const [pending, setPending] = useState<Pending | null>(null);
  const confirm = useCallback(
    (request: ConfirmRequest) =>
      new Promise<boolean>((resolve) => setPending({ ...request, resolve })),
    [],
  );
  const dialog = pending ? (
    <ConfirmDialog
      request={pending}
      onDone={(confirmed) => {
        setPending(null);
        pending.resolve(confirmed);
      }}
    />
  ) : null;
  return { confirm, dialog };
}

function ConfirmDialog({
  request,
  onDone,
}: {
  request: ConfirmRequest;
  onDone: (confirmed: boolean) => void;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  const id = useId();

  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    dialog.current?.showModal();
    // The choice that changes nothing has focus first.
    cancel.current?.focus();
    return () => opener?.focus();
  }, []);

  return (
    <dialog
      ref={dialog}
      className="confirm-dialog"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-effect`}
      onCancel={(event) => {
        event.preventDefault();
        onDone(false);
      }}
    >
      <h2 id={`${id}-title`}>{request.title}</h2>
      <div id={`${id}-effect`} className="confirm-effect">
        {request.effect}
      </div>
      <div className="actions">
        <button
          ref={cancel}
          type="button"
          className="button button-secondary"
          onClick={() => onDone(false)}
        >
          {request.cancelLabel ?? (
            <FormattedMessage id="common.confirm.cancel" defaultMessage="Cancel" />
          )}
        </button>
        <button type="button" className="button" onClick={() => onDone(true)}>
          {request.confirmLabel}
        </button>
      </div>
    </dialog>
  );
}
