import type { ReactNode } from 'react';
import { FormattedMessage } from 'react-intl';

type StepNavProps = {
  /** Go to the step before; without it there is no Back button. */
  back?: () => void;
  /** Go to the step after; without it there is no Next button. */
  next?: () => void;
  /** Whether Next is the step's main button, where nothing is saved first. */
  nextIsMain?: boolean;
  /** Buttons before Back, such as Save. */
  children?: ReactNode;
};

/** The buttons under a step of the draft: what it does, then Back and Next. */
export function StepNav({ back, next, nextIsMain = false, children }: StepNavProps) {
  return (
    <div className="terms-nav">
      {children}
      {back ? (
        <button type="button" className="button button-secondary" onClick={back}>
          <FormattedMessage id="terms.draft.back" defaultMessage="Back" />
        </button>
      ) : null}
      {next ? (
        <button
          type="button"
          className={nextIsMain ? 'button' : 'button button-secondary'}
          onClick={next}
        >
          <FormattedMessage id="terms.draft.next" defaultMessage="Next" />
        </button>
      ) : null}
    </div>
  );
}
