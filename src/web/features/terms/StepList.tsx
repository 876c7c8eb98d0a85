import { FormattedMessage, useIntl } from 'react-intl';

export type StepStatus = 'done' | 'problems' | 'not_started';

const MARKS: Record<StepStatus, string> = { done: '✓', problems: '!', not_started: '○' };

/**
 * The steps of the draft, each with where it stands in words and a mark
 * (not colour alone): done once the chair has been through it, needing
 * fixing while the server names a problem in it, or not started.
 */
export function StepList({
  titles,
  statuses,
  current,
  onPick,
}: {
  titles: string[];
  statuses: StepStatus[];
  current: number;
  onPick: (step: number) => void;
}) {
  const intl = useIntl();
  return (
    <nav
      aria-label={intl.formatMessage({
        id: 'terms.steps.label',
        defaultMessage: 'Steps of the draft',
      })}
      className="terms-no-print"
    >
      <ol className="terms-steps">
        {titles.map((title, i) => {
          const status = statuses[i] ?? 'not_started';
          return (
            <li key={i} className={`terms-step terms-step-${status}`}>
              <button
                type="button"
                className="button-link"
                aria-current={i === current ? 'step' : undefined}
                onClick={() => onPick(i)}
              >
                <FormattedMessage
                  id="terms.steps.step"
                  defaultMessage="{number}. {title} <state><mark></mark> {status, select, done {(done)} problems {(needs fixing)} other {(not started)}}</state>"
                  values={{
                    number: i + 1,
                    title,
                    status,
                    mark: () => (
                      <span aria-hidden="true" className="terms-step-mark">
                        {MARKS[status]}
                      </span>
                    ),
                    state: (chunks) => <span className="terms-step-status">{chunks}</span>,
                  }}
                />
              </button>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
