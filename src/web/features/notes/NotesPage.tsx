import { useEffect, useRef, useState, type ReactNode } from 'react';
import { defineMessages, FormattedMessage, useIntl, type IntlShape } from 'react-intl';
import type { Me } from '../../../contracts/accounts.ts';
import { Link } from '../../components/Link.tsx';
import { Page } from '../../components/Page.tsx';
import { pageFrame } from '../../components/PageFrames.tsx';
import { Section } from '../../components/Section.tsx';
import { formatDate, formatDateTime, formatDayIn, formatMeetingTime } from '../../lib/format.ts';
import { useResource } from '../../lib/resource.ts';
import { ActionList, AddActionForm } from './ActionList.tsx';
import { KeptAsWritten } from './KeptAsWritten.tsx';
import { NotesComments, ApproveNotes } from './NotesComments.tsx';
import { NotesEditor } from './NotesEditor.tsx';
import { AttendanceSection, NotesRecord } from './NotesRecord.tsx';
import {
  decisionPage,
  groupApi,
  groupPage,
  meetingApi,
  meetingPage,
  notesApi,
  STATUS_LABELS,
  type Group,
  type MeetingDetail,
  type MeetingList,
  type MeetingNotes,
} from './types.ts';
import './notes.css';

/** The headings of the page's sections. */
const SECTIONS = defineMessages({
  decisions: {
    id: 'notes.page.decisionsHeading',
    defaultMessage: 'Decisions recorded at this meeting',
  },
  actions: { id: 'notes.page.actionsHeading', defaultMessage: 'Actions' },
});

/** What the app shows to release approved notes (a chair's "Release…"); app/ composes it. */
export type NotesRelease = (notes: {
  groupId: string;
  meetingId: string;
  /** In words, such as "the notes of Spring meeting, Tuesday 9 March 2027". */
  what: string;
}) => ReactNode;

type Props = {
  groupId: string;
  meetingId: string;
  me: Me;
  /** Renders the notes' Markdown safely; app/ passes the shared renderer. */
  markdown: (source: string) => ReactNode;
  release?: NotesRelease;
};

/** What the page says before it can be shown. */
const FRAME = defineMessages({
  pageTitle: { id: 'notes.page.loadingTitle', defaultMessage: 'Notes' },
  title: { id: 'notes.page.notFoundTitle', defaultMessage: 'We could not find these notes' },
  missing: {
    id: 'notes.page.notFound',
    defaultMessage: 'The meeting may have been removed, or you may not be able to read its notes.',
  },
  back: { id: 'notes.page.toGroup', defaultMessage: 'Go to the group' },
});

/**
 * A meeting's notes under the Chatham House Rule: written and checked by the
 * note-taker, circulated for comments, approved at a later meeting (then
 * locked, and printable), with the register and the actions.
 */
export function NotesPage({ groupId, meetingId, me, markdown, release }: Props) {
  const group = useResource<Group>(groupApi(groupId));
  const detail = useResource<MeetingDetail>(meetingApi(groupId, meetingId));
  const notes = useResource<MeetingNotes>(notesApi(groupId, meetingId));
  const meetings = useResource<MeetingList>(groupApi(groupId, '/meetings?when=all'));
  const [editing, setEditing] = useState(false);
  const intl = useIntl();
  // What the last action did, shown under "Where the notes are" (and announced by the action).
  const [notice, setNotice] = useState<string | null>(null);
  const statusHeading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    // The form that was used may be gone: focus goes to where the notes now stand.
    if (notice) statusHeading.current?.focus();
  }, [notice]);

  const frame = pageFrame([notes, detail, group], FRAME, groupPage(groupId));
  if (frame || !notes.data || !detail.data || !group.data) return frame;

  const { meeting } = detail.data;
  const data = notes.data;
  const current = data.current;
  const status = current?.status ?? null;
  const role = group.data.myRole;
  const day = formatDayIn(meeting.startsAt, meeting.timeZone);
  const title = intl.formatMessage(
    { id: 'notes.page.title', defaultMessage: 'Notes of {meeting}, {day}' },
    { meeting: meeting.title, day },
  );
  const started = meeting.phase === 'live' || meeting.phase === 'past';
  // The boxes to write in: the agenda, and anything moved outside it that already has notes.
  const written = new Set(current?.content.items.map((i) => i.itemId) ?? []);
  const items = [
    ...detail.data.agenda,
    ...detail.data.outside.filter((item) => written.has(item.id)),
  ].map(({ id, title: itemTitle }) => ({ id, title: itemTitle }));
  const showEditor = data.can.edit && started && (status === null || status === 'draft' || editing);
  const all = meetings.data?.meetings ?? [];
  const later = all
    .filter(
      (m) =>
        m.status === 'scheduled' &&
        m.phase !== 'upcoming' &&
        Date.parse(m.startsAt) > Date.parse(meeting.startsAt),
    )
    .sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt));
  const approvedAt = all.find((m) => m.id === current?.approvedAtMeeting);

  function saved(what: 'saved' | 'circulated' | 'corrected') {
    if (what !== 'saved') setEditing(false);
    if (what === 'circulated')
      setNotice(
        intl.formatMessage({
          id: 'notes.page.circulated',
          defaultMessage: 'The notes are circulated to the group for comments.',
        }),
      );
    notes.reload();
  }

  const canChangeAction = (action: { ownerId: string }) =>
    action.ownerId === me.id || role === 'chair' || role === 'note_taker';

  return (
    <div className="notes-page">
      <Page
        title={title}
        lead={
          <div className="lead notes-lead">
            <p>
              <FormattedMessage
                id="notes.page.meetingOf"
                defaultMessage="A meeting of <link>{group}</link>"
                values={{
                  group: group.data.name,
                  link: (chunks: ReactNode[]) => <Link to={groupPage(groupId)}>{chunks}</Link>,
                }}
              />
            </p>
            <p>{formatMeetingTime(meeting.startsAt, meeting.endsAt, meeting.timeZone)}</p>
            <p className="notes-no-print">
              <Link to={meetingPage(groupId, meetingId)}>
                <FormattedMessage
                  id="notes.page.backToMeeting"
                  defaultMessage="Back to the meeting"
                />
              </Link>
            </p>
          </div>
        }
      >
        <section aria-labelledby="status-title" className="section notes-no-print">
          <h2 id="status-title" ref={statusHeading} tabIndex={-1}>
            <FormattedMessage id="notes.page.statusHeading" defaultMessage="Where the notes are" />
          </h2>
          {notice ? <p className="notice">{notice}</p> : null}
          {current ? (
            <>
              <dl className="facts">
                <dt>
                  <FormattedMessage id="notes.page.status" defaultMessage="Status" />
                </dt>
                <dd>{intl.formatMessage(STATUS_LABELS[current.status])}</dd>
                <dt>
                  <FormattedMessage id="notes.page.version" defaultMessage="Version" />
                </dt>
                <dd>{current.version}</dd>
                {current.correctionReason ? (
                  <>
                    <dt>
                      <FormattedMessage
                        id="notes.page.whyCorrected"
                        defaultMessage="Why corrected"
                      />
                    </dt>
                    <dd>{current.correctionReason}</dd>
                  </>
                ) : null}
                <dt>
                  <FormattedMessage id="notes.page.lastChanged" defaultMessage="Last changed" />
                </dt>
                <dd>{formatDateTime(current.updatedAt)}</dd>
                {current.circulatedAt ? (
                  <>
                    <dt>
                      <FormattedMessage id="notes.page.circulatedAt" defaultMessage="Circulated" />
                    </dt>
                    <dd>{formatDateTime(current.circulatedAt)}</dd>
                  </>
                ) : null}
                {current.approvedAt ? (
                  <>
                    <dt>
                      <FormattedMessage id="notes.page.approvedAt" defaultMessage="Approved" />
                    </dt>
                    <dd>
                      {approvedAt ? (
                        <FormattedMessage
                          id="notes.page.approvedAtMeeting"
                          defaultMessage="at <link>{meeting}, {day}</link>"
                          values={{
                            meeting: approvedAt.title,
                            day: formatDayIn(approvedAt.startsAt, approvedAt.timeZone),
                            link: (chunks: ReactNode[]) => (
                              <Link to={meetingPage(groupId, approvedAt.id)}>{chunks}</Link>
                            ),
                          }}
                        />
                      ) : (
                        formatDate(current.approvedAt)
                      )}
                    </dd>
                  </>
                ) : null}
              </dl>
              <p>{explain(intl, current.status)}</p>
              {data.versions.length > 1 ? (
                <>
                  <h3 id="versions-title">
                    <FormattedMessage id="notes.page.versions" defaultMessage="All versions" />
                  </h3>
                  <ul className="notes-versions" aria-labelledby="versions-title">
                    {data.versions.map((v) => (
                      <li key={v.version}>
                        {v.correctionReason ? (
                          <FormattedMessage
                            id="notes.page.versionCorrection"
                            defaultMessage="Version {version}: {status} (a correction: {reason})"
                            values={{
                              version: v.version,
                              status: intl.formatMessage(STATUS_LABELS[v.status]).toLowerCase(),
                              reason: v.correctionReason,
                            }}
                          />
                        ) : (
                          <FormattedMessage
                            id="notes.page.versionLine"
                            defaultMessage="Version {version}: {status}"
                            values={{
                              version: v.version,
                              status: intl.formatMessage(STATUS_LABELS[v.status]).toLowerCase(),
                            }}
                          />
                        )}
                      </li>
                    ))}
                  </ul>
                </>
              ) : null}
            </>
          ) : (
            <p>
              {!started ? (
                <FormattedMessage
                  id="notes.page.notStarted"
                  defaultMessage="Notes are written once the meeting has started."
                />
              ) : data.can.edit ? (
                <FormattedMessage
                  id="notes.page.noneYet"
                  defaultMessage="No notes have been written yet."
                />
              ) : (
                <FormattedMessage
                  id="notes.page.notCirculated"
                  defaultMessage="The notes have not been circulated yet. You will get an email when they are."
                />
              )}
            </p>
          )}
          {status === 'approved' && !editing ? (
            <div className="actions">
              <button
                type="button"
                className="button button-secondary"
                onClick={() => window.print()}
              >
                <FormattedMessage id="notes.page.print" defaultMessage="Print or save as PDF" />
              </button>
              {data.can.edit ? (
                <button
                  type="button"
                  className="button button-secondary"
                  onClick={() => setEditing(true)}
                >
                  <FormattedMessage id="notes.page.correct" defaultMessage="Correct these notes" />
                </button>
              ) : null}
            </div>
          ) : null}
          {status === 'circulated' && data.can.edit && !editing ? (
            <>
              <p className="hint">
                <FormattedMessage
                  id="notes.page.changeHint"
                  defaultMessage="Changing circulated notes takes them back to a draft: they are checked and circulated again."
                />
              </p>
              <button
                type="button"
                className="button button-secondary"
                onClick={() => setEditing(true)}
              >
                <FormattedMessage id="notes.page.change" defaultMessage="Change these notes" />
              </button>
            </>
          ) : null}
        </section>

        {showEditor ? (
          <NotesEditor
            key={status === 'approved' ? 'correct' : 'write'}
            groupId={groupId}
            meetingId={meetingId}
            items={items}
            current={current}
            correction={status === 'approved'}
            onSaved={saved}
            onCancel={editing ? () => setEditing(false) : undefined}
          />
        ) : current ? (
          <NotesRecord
            version={current}
            items={items}
            markdown={markdown}
            approval={
              current.status === 'approved'
                ? approvedAt
                  ? intl.formatMessage(
                      {
                        id: 'notes.page.approvedLineAt',
                        defaultMessage: 'Approved at {meeting}, {day}.',
                      },
                      {
                        meeting: approvedAt.title,
                        day: formatDayIn(approvedAt.startsAt, approvedAt.timeZone),
                      },
                    )
                  : intl.formatMessage({
                      id: 'notes.page.approvedLine',
                      defaultMessage: 'Approved.',
                    })
                : null
            }
          />
        ) : null}
        {status !== 'approved' ? (
          <p className="notes-print-only">
            <FormattedMessage
              id="notes.page.notApprovedPrint"
              defaultMessage="These notes are not approved yet."
            />
          </p>
        ) : null}

        {data.decisions.length > 0 ? (
          <Section id="decisions-title" heading={SECTIONS.decisions}>
            <ul className="notes-people" aria-labelledby="decisions-title">
              {data.decisions.map((decision) => (
                <li key={decision.id}>
                  <FormattedMessage
                    id="notes.page.decisionLine"
                    defaultMessage="<link>Decision {number}: {title}</link> ({outcome, select, agreed {agreed} other {not agreed}})"
                    values={{
                      number: decision.number,
                      title: decision.title,
                      outcome: decision.outcome,
                      link: (chunks: ReactNode[]) => (
                        <Link to={decisionPage(groupId, decision.id)}>{chunks}</Link>
                      ),
                    }}
                  />
                </li>
              ))}
            </ul>
          </Section>
        ) : null}

        {status === 'approved' && !editing && release && role === 'chair' ? (
          <div className="notes-no-print">
            {release({
              groupId,
              meetingId,
              what: intl.formatMessage(
                { id: 'notes.page.releaseWhat', defaultMessage: 'the notes of {meeting}, {day}' },
                { meeting: meeting.title, day },
              ),
            })}
          </div>
        ) : null}

        {status === 'circulated' || data.comments.length > 0 ? (
          <NotesComments
            groupId={groupId}
            meetingId={meetingId}
            comments={data.comments}
            canComment={data.can.comment}
            onChanged={notes.reload}
          />
        ) : null}

        {data.can.approve && data.keptAsWritten.length > 0 ? (
          <KeptAsWritten kept={data.keptAsWritten} />
        ) : null}

        {data.can.approve ? (
          <ApproveNotes
            groupId={groupId}
            meetingId={meetingId}
            later={later}
            unresolved={data.comments.filter((c) => !c.resolved)}
            onApproved={(message) => {
              if (message) setNotice(message);
              notes.reload();
            }}
          />
        ) : null}

        <AttendanceSection attendance={data.attendance} />

        <Section id="actions-title" heading={SECTIONS.actions} className="section notes-actions">
          {data.actions.length === 0 ? (
            <p>
              <FormattedMessage
                id="notes.page.noActions"
                defaultMessage="No actions from this meeting yet."
              />
            </p>
          ) : (
            <ActionList
              actions={data.actions}
              label={intl.formatMessage({
                id: 'notes.page.actionsLabel',
                defaultMessage: 'Actions from this meeting',
              })}
              groupId={groupId}
              canChange={canChangeAction}
              onChanged={notes.reload}
            />
          )}
          {started ? (
            <div className="notes-no-print">
              <AddActionForm
                groupId={groupId}
                meetingId={meetingId}
                items={items}
                onAdded={notes.reload}
              />
            </div>
          ) : null}
        </Section>
      </Page>
    </div>
  );
}

function explain(intl: IntlShape, status: MeetingNotes['versions'][number]['status']): string {
  if (status === 'draft') {
    return intl.formatMessage({
      id: 'notes.page.explainDraft',
      defaultMessage:
        'Only note-takers and chairs can see a draft. Check it for attributed views, then circulate it to the group.',
    });
  }
  if (status === 'circulated') {
    return intl.formatMessage({
      id: 'notes.page.explainCirculated',
      defaultMessage:
        'Everyone taking part can read the notes and comment. A chair records their approval at a later meeting.',
    });
  }
  return intl.formatMessage({
    id: 'notes.page.explainApproved',
    defaultMessage: 'Approved notes are locked. A correction is a new version, with its reason.',
  });
}
