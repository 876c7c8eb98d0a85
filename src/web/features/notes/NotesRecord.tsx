import type { ReactNode } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { MARK_WORDS, type MeetingNotes, type NotesVersion } from './types.ts';

type RecordProps = {
  version: NotesVersion;
  /** Agenda item titles by id, in order. */
  items: { id: string; title: string }[];
  /** Where and when the group approved them, in words; null until approved. */
  approval: ReactNode;
  markdown: (source: string) => ReactNode;
};

/**
 * The notes as the group reads them (and prints them, once approved): the
 * summary and each agenda item's discussion, as Markdown rendered without HTML.
 */
export function NotesRecord({ version, items, approval, markdown }: RecordProps) {
  const intl = useIntl();
  const titles = new Map(items.map((item, index) => [item.id, `${index + 1}. ${item.title}`]));
  const written = version.content.items.filter((i) => i.discussion.trim() !== '');
  const empty = version.content.summary.trim() === '' && written.length === 0;
  return (
    <section
      aria-labelledby="record-title"
      className={
        version.status === 'approved' ? 'section notes-record' : 'section notes-record-unapproved'
      }
    >
      <h2 id="record-title">
        <FormattedMessage id="notes.record.heading" defaultMessage="The notes" />
      </h2>
      {approval ? <p className="notes-approval">{approval}</p> : null}
      {version.correctionReason ? (
        <p>
          <FormattedMessage
            id="notes.record.corrected"
            defaultMessage="<b>Corrected:</b> {reason}"
            values={{
              b: (chunks: ReactNode[]) => <strong>{chunks}</strong>,
              reason: version.correctionReason,
            }}
          />
        </p>
      ) : null}
      {empty ? (
        <p>
          <FormattedMessage
            id="notes.record.empty"
            defaultMessage="Nothing has been written yet."
          />
        </p>
      ) : null}
      {version.content.summary.trim() !== '' ? (
        <div className="notes-text">{markdown(version.content.summary)}</div>
      ) : null}
      {written.map((item) => (
        <div key={item.itemId} className="notes-item">
          <h3>
            {titles.get(item.itemId) ??
              intl.formatMessage({ id: 'notes.record.agendaItem', defaultMessage: 'Agenda item' })}
          </h3>
          <div className="notes-text">{markdown(item.discussion)}</div>
        </div>
      ))}
    </section>
  );
}

/** Who came, who sent apologies, who was absent: from the register. */
export function AttendanceSection({ attendance }: { attendance: MeetingNotes['attendance'] }) {
  const intl = useIntl();
  const present = attendance.filter(
    (a) => a.mark === 'present_in_person' || a.mark === 'present_online',
  );
  const apologies = attendance.filter((a) => a.mark === 'apologies');
  const absent = attendance.filter((a) => a.mark === 'absent');
  return (
    <section aria-labelledby="attendance-title" className="section notes-attendance">
      <h2 id="attendance-title">
        <FormattedMessage id="notes.attendance.heading" defaultMessage="Attendance" />
      </h2>
      {attendance.length === 0 ? (
        <p>
          <FormattedMessage
            id="notes.attendance.none"
            defaultMessage="The register was not kept for this meeting."
          />
        </p>
      ) : (
        <>
          <People
            title={intl.formatMessage({
              id: 'notes.attendance.present',
              defaultMessage: 'Present',
            })}
            people={present}
            withMarks
          />
          <People
            title={intl.formatMessage({
              id: 'notes.attendance.apologies',
              defaultMessage: 'Sent apologies',
            })}
            people={apologies}
          />
          <People
            title={intl.formatMessage({ id: 'notes.attendance.absent', defaultMessage: 'Absent' })}
            people={absent}
          />
        </>
      )}
    </section>
  );
}

function People({
  title,
  people,
  withMarks = false,
}: {
  title: string;
  people: MeetingNotes['attendance'];
  withMarks?: boolean;
}) {
  const intl = useIntl();
  if (people.length === 0) return null;
  return (
    <>
      <h3>
        <FormattedMessage
          id="notes.attendance.count"
          defaultMessage="{title} ({count})"
          values={{ title, count: people.length }}
        />
      </h3>
      <ul aria-label={title} className="notes-people">
        {people.map((person, index) => {
          const mark = MARK_WORDS[person.mark];
          return (
            <li key={`${person.name}-${index}`}>
              {withMarks
                ? intl.formatMessage(
                    { id: 'notes.attendance.withMark', defaultMessage: '{name} ({mark})' },
                    {
                      name: person.name,
                      mark: mark ? intl.formatMessage(mark) : person.mark,
                    },
                  )
                : person.name}
            </li>
          );
        })}
      </ul>
    </>
  );
}
