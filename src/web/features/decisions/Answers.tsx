import { FormattedMessage, useIntl } from 'react-intl';
import { CHOICE_LABELS, COUNT_KEYS, type Counts, type Reasons, type Tally } from './types.ts';

type AnswersProps = {
  counts: Counts;
  reasons: Reasons;
  /** Names the list for screen readers, such as “Answers on Weekend respite”. */
  label: string;
};

/** How many gave each consensus answer, and the reasons given, never who gave them. */
export function AnswerCounts({ counts, reasons, label }: AnswersProps) {
  const intl = useIntl();
  return (
    <ul className="answer-counts" aria-label={label}>
      {COUNT_KEYS.map(({ key, label: answerLabel }) => {
        const answer = intl.formatMessage(answerLabel);
        return (
          <li key={key}>
            <span className="answer-count">
              <FormattedMessage
                id="decisions.answers.count"
                defaultMessage="{answer}: {count}"
                values={{ answer, count: counts[key] }}
              />
            </span>
            {reasons[key].length > 0 ? (
              <ul
                className="reason-list"
                aria-label={intl.formatMessage(
                  {
                    id: 'decisions.answers.reasons',
                    defaultMessage: 'Reasons given for “{answer}”',
                  },
                  { answer },
                )}
              >
                {reasons[key].map((reason, index) => (
                  <li key={index}>{reason}</li>
                ))}
              </ul>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}

/** The count of a closed vote: yes, no, abstain, and how many of those who could vote did. */
export function TallyList({ tally, label }: { tally: Tally; label: string }) {
  const intl = useIntl();
  const line = (choice: 'yes' | 'no' | 'abstain') => (
    <li>
      <FormattedMessage
        id="decisions.answers.count"
        defaultMessage="{answer}: {count}"
        values={{ answer: intl.formatMessage(CHOICE_LABELS[choice]), count: tally[choice] }}
      />
    </li>
  );
  return (
    <ul className="answer-counts" aria-label={label}>
      {line('yes')}
      {line('no')}
      {line('abstain')}
      <li>
        <FormattedMessage
          id="decisions.tally.voted"
          defaultMessage="Voted: {voted} of {eligible} who could vote"
          values={{ voted: tally.voted, eligible: tally.eligible }}
        />
      </li>
    </ul>
  );
}
