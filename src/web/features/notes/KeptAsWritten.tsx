import type { ReactNode } from 'react';
import { FormattedMessage } from 'react-intl';
import { SentenceWithMark } from './FlagCard.tsx';
import type { KeptSentence } from './types.ts';

/**
 * For whoever approves the notes: each sentence the attribution check found
 * that the note-taker kept as written, with the words that point to someone
 * marked and the reason they recorded. Never printed.
 */
export function KeptAsWritten({ kept }: { kept: KeptSentence[] }) {
  return (
    <section aria-labelledby="kept-title" className="section notes-no-print">
      <h2 id="kept-title">
        <FormattedMessage id="notes.kept.heading" defaultMessage="Kept as written, with a reason" />
      </h2>
      <p>
        <FormattedMessage
          id="notes.kept.lead"
          defaultMessage="{count, plural, one {The check found a sentence that points to someone, and the note-taker kept it as written. Read it and their reason before you approve the notes.} other {The check found # sentences that point to someone, and the note-taker kept them as written. Read them and their reasons before you approve the notes.}}"
          values={{ count: kept.length }}
        />
      </p>
      <ul className="card-list" aria-labelledby="kept-title">
        {kept.map((k, index) => (
          <li key={`${k.where}-${k.text}-${index}`} className="card notes-flag">
            <p className="card-subtitle">{k.where}</p>
            <blockquote className="notes-quote">
              <SentenceWithMark sentence={k.sentence} words={k.text} at={k.at} />
            </blockquote>
            <p>
              <FormattedMessage
                id="notes.kept.reason"
                defaultMessage="<b>Kept because:</b> {reason}"
                values={{ b: (chunks: ReactNode[]) => <strong>{chunks}</strong>, reason: k.reason }}
              />
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
