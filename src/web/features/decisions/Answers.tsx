import { CHOICE_LABELS, COUNT_KEYS, type Counts, type Reasons, type Tally } from './types.ts';

type AnswersProps = {
  counts: Counts;
  reasons: Reasons;
  /** Names the list for screen readers, such as “Answers on Weekend respite”. */
  label: string;
};

/** How many gave each consensus answer, and the reasons given, never who gave them. */
export function AnswerCounts({ counts, reasons, label }: AnswersProps) {
  return (
    <ul className="answer-counts" aria-label={label}>
      {COUNT_KEYS.map(({ key, label: answer }) => (
        <li key={key}>
          <span className="answer-count">
            {answer}: {counts[key]}
          </span>
          {reasons[key].length > 0 ? (
            <ul className="reason-list" aria-label={`Reasons given for “${answer}”`}>
              {reasons[key].map((reason, index) => (
                <li key={index}>{reason}</li>
              ))}
            </ul>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

/** The count of a closed vote: yes, no, abstain, and how many of those who could vote did. */
export function TallyList({ tally, label }: { tally: Tally; label: string }) {
  return (
    <ul className="answer-counts" aria-label={label}>
      <li>
        {CHOICE_LABELS.yes}: {tally.yes}
      </li>
      <li>
        {CHOICE_LABELS.no}: {tally.no}
      </li>
      <li>
        {CHOICE_LABELS.abstain}: {tally.abstain}
      </li>
      <li>
        Voted: {tally.voted} of {tally.eligible} who could vote
      </li>
    </ul>
  );
}
