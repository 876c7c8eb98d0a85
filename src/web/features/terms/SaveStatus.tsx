import { FormattedMessage } from 'react-intl';
import { formatTimeIn } from '../../lib/format.ts';
import type { SaveState } from './autosave.ts';

/** The time where the reader is, for "Saved at 14:05". */
function localTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/**
 * Whether the draft is saved, in words, in a polite live region: screen
 * readers hear "Saving…" and "Saved at 14:05 GMT" without losing their place.
 */
export function SaveStatus({
  state,
  dirty,
  onRetry,
}: {
  state: SaveState;
  dirty: boolean;
  onRetry: () => void;
}) {
  // Typing since the last save: said once, then "Saving…" after the pause.
  const waiting = dirty && (state.kind === 'idle' || state.kind === 'saved');
  return (
    <div className="terms-save terms-no-print">
      <p role="status" className={state.kind === 'failed' ? 'terms-save-failed' : undefined}>
        {waiting ? (
          <FormattedMessage
            id="terms.draft.unsaved"
            defaultMessage="Changes not saved yet: they are saved when you pause."
          />
        ) : null}
        {state.kind === 'idle' && !waiting ? (
          <FormattedMessage
            id="terms.draft.autosave"
            defaultMessage="Your changes are saved as you go."
          />
        ) : null}
        {state.kind === 'saving' ? (
          <FormattedMessage id="terms.draft.saving" defaultMessage="Saving…" />
        ) : null}
        {state.kind === 'saved' && !waiting ? (
          <FormattedMessage
            id="terms.draft.savedAt"
            defaultMessage="Saved at {time}."
            values={{ time: formatTimeIn(state.at, localTimeZone()) }}
          />
        ) : null}
        {state.kind === 'invalid' ? (
          <FormattedMessage
            id="terms.draft.notSavedInvalid"
            defaultMessage="Not saved: {count, plural, one {one thing needs} other {# things need}} fixing first, shown at {count, plural, one {its field} other {their fields}}."
            values={{ count: state.count }}
          />
        ) : null}
        {state.kind === 'failed' ? (
          <FormattedMessage
            id="terms.draft.notSavedFailed"
            defaultMessage="Not saved: Accord could not be reached. Your changes are kept on this page."
          />
        ) : null}
      </p>
      {state.kind === 'failed' ? (
        <button type="button" className="button button-secondary button-small" onClick={onRetry}>
          <FormattedMessage id="terms.draft.tryAgain" defaultMessage="Try saving again" />
        </button>
      ) : null}
    </div>
  );
}
