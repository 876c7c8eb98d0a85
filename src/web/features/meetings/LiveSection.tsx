import { useEffect, useRef, type ReactNode } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useAnnounce } from '../../components/Announcer.tsx';
import { CopyField } from '../../components/CopyField.tsx';
import { LoadProblem, Loading, Problem } from '../../components/Feedback.tsx';
import { api } from '../../lib/api.ts';
import { formatTimeIn } from '../../lib/format.ts';
import { useResource } from '../../lib/resource.ts';
import { useAction } from './actions.ts';
import { QrCode } from './QrCode.tsx';
import { MARK_WORDS, meetingsApi, type CheckInLink, type MeetingDetail } from './types.ts';

type Props = {
  detail: MeetingDetail;
  /** Who is reading: their own check-in comes first. */
  myId: string;
  checkedAt: string;
  /** True while live updates are broken and the page fetches on a timer instead. */
  byTimer?: boolean;
};

/**
 * While the meeting is on: the agenda item being taken now, whether you are
 * checked in, who has checked in, and whether there is a quorum; for chairs and note-takers, the check-in
 * code to show. The page fetches the meeting again whenever the server says
 * something changed (or every few seconds if it cannot hear), so this keeps up.
 */
export function LiveSection({ detail, myId, checkedAt, byTimer = false }: Props) {
  const intl = useIntl();
  const { meeting, attendees, quorum, can } = detail;
  const zone = meeting.timeZone;
  const checkedIn = attendees
    .filter((a) => a.checkedInAt && (a.mark === 'present_in_person' || a.mark === 'present_online'))
    .sort((a, b) => (a.checkedInAt ?? '').localeCompare(b.checkedInAt ?? ''));
  const mine = checkedIn.find((a) => a.userId === myId);
  const countTitle = intl.formatMessage(
    { id: 'meetings.live.checkedInCount', defaultMessage: 'Checked in so far: {count}' },
    { count: checkedIn.length },
  );
  const people =
    checkedIn.length === 0 ? (
      <p>
        <FormattedMessage
          id="meetings.live.noOneCheckedIn"
          defaultMessage="No one has checked in yet."
        />
      </p>
    ) : (
      <ul aria-label={countTitle} className="people-list">
        {checkedIn.map((person) => (
          <li key={person.userId}>
            <FormattedMessage
              id="meetings.live.checkedInPerson"
              defaultMessage="{name}: {how}, at {time}"
              values={{
                name: person.name,
                how: intl.formatMessage(MARK_WORDS[person.mark ?? 'present_in_person']),
                time: formatTimeIn(person.checkedInAt ?? '', zone),
              }}
            />
          </li>
        ))}
      </ul>
    );

  return (
    <section aria-labelledby="live-title" className="section live">
      <h2 id="live-title">
        <FormattedMessage id="meetings.live.heading" defaultMessage="The meeting is on now" />
      </h2>
      <CurrentItem detail={detail} />
      <p className="muted">
        {byTimer ? (
          <FormattedMessage
            id="meetings.live.updatesByTimer"
            defaultMessage="This part updates by itself every 10 seconds. Last checked at {time}."
            values={{ time: formatTimeIn(checkedAt, zone) }}
          />
        ) : (
          <FormattedMessage
            id="meetings.live.updates"
            defaultMessage="This part updates by itself. Last checked at {time}."
            values={{ time: formatTimeIn(checkedAt, zone) }}
          />
        )}
      </p>

      <div className="live-facts">
        <div className="live-fact">
          <h3>
            <FormattedMessage id="meetings.live.quorumHeading" defaultMessage="Quorum" />
          </h3>
          <Quorum quorum={quorum} />
        </div>
        <div className="live-fact">
          <h3 id="checked-in-title">{countTitle}</h3>
          {mine ? (
            <p className="notice">
              <FormattedMessage
                id="meetings.live.youAreCheckedIn"
                defaultMessage="You are checked in: {how}, at {time}."
                values={{
                  how: intl.formatMessage(MARK_WORDS[mine.mark ?? 'present_in_person']),
                  time: formatTimeIn(mine.checkedInAt ?? '', zone),
                }}
              />
            </p>
          ) : can.recordAttendance ? null : (
            <p>
              <FormattedMessage
                id="meetings.live.howToCheckIn"
                defaultMessage="To check in, scan the code the chair shows, or open the check-in link they share."
              />
            </p>
          )}
          {can.recordAttendance ? (
            people
          ) : checkedIn.length > 0 ? (
            <details className="details">
              <summary>
                <FormattedMessage
                  id="meetings.live.whoHasCheckedIn"
                  defaultMessage="Who has checked in"
                />
              </summary>
              {people}
            </details>
          ) : (
            people
          )}
        </div>
      </div>

      {can.recordAttendance ? <CheckInCode detail={detail} /> : null}
    </section>
  );
}

/**
 * "Now: <item>", first under the heading for everyone taking part. When the
 * chair moves on, screen readers hear it politely, without losing their place.
 */
function CurrentItem({ detail }: { detail: MeetingDetail }) {
  const intl = useIntl();
  const announce = useAnnounce();
  const { currentItem, agenda } = detail;
  const shown = useRef(currentItem?.id ?? null);
  useEffect(() => {
    const id = currentItem?.id ?? null;
    if (id === shown.current) return;
    shown.current = id;
    announce(
      currentItem
        ? intl.formatMessage(
            { id: 'meetings.live.nowAnnounced', defaultMessage: 'Now: {title}' },
            { title: currentItem.title },
          )
        : intl.formatMessage({
            id: 'meetings.live.nowClearedAnnounced',
            defaultMessage: 'No agenda item is being taken now.',
          }),
    );
  }, [currentItem, announce, intl]);

  if (currentItem) {
    return (
      <p className="live-now">
        <FormattedMessage
          id="meetings.live.now"
          defaultMessage="<b>Now:</b> {title}"
          values={{ b: bold, title: currentItem.title }}
        />
      </p>
    );
  }
  if (agenda.length === 0) return null;
  return (
    <p className="live-now live-now-none">
      <FormattedMessage
        id="meetings.live.nowNone"
        defaultMessage="The chair has not started an agenda item yet."
      />
    </p>
  );
}

function bold(chunks: ReactNode[]) {
  return <strong>{chunks}</strong>;
}

function Quorum({ quorum }: { quorum: MeetingDetail['quorum'] }) {
  if (!quorum || quorum.required === 0) {
    return (
      <p>
        <FormattedMessage
          id="meetings.live.noQuorum"
          defaultMessage="Our Terms of Reference set no quorum."
        />
      </p>
    );
  }
  return (
    <>
      <p className={quorum.met ? 'quorum quorum-met' : 'quorum quorum-not-met'}>
        {quorum.met ? (
          <FormattedMessage
            id="meetings.live.quorumMet"
            defaultMessage="<b>Quorum is met.</b> {present} here, of the {required} needed."
            values={{ b: bold, present: quorum.present, required: quorum.required }}
          />
        ) : (
          <FormattedMessage
            id="meetings.live.quorumNotMet"
            defaultMessage="<b>Quorum is not met yet.</b> {present} here, of the {required} needed."
            values={{ b: bold, present: quorum.present, required: quorum.required }}
          />
        )}
      </p>
      {quorum.categories.length > 0 ? (
        <ul className="quorum-categories">
          {quorum.categories.map((c) => (
            <li key={c.category}>
              <FormattedMessage
                id="meetings.live.quorumCategory"
                defaultMessage="{category}: {present} here, of the {min} needed"
                values={{
                  category: c.category.replaceAll('_', ' '),
                  present: c.present,
                  min: c.min,
                }}
              />
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}

/**
 * While the meeting is on: the agenda in order, each item in a line, papers
 * and detail folded away below. The chair says here which item is being taken now.
 */
export function LiveAgenda({
  detail,
  onChanged,
}: {
  detail: MeetingDetail;
  onChanged: () => void;
}) {
  const intl = useIntl();
  const { agenda, meeting, currentItem, can } = detail;
  const action = useAction();

  function makeCurrent(itemId: string | null) {
    action.run(
      () => api.put(meetingsApi(meeting.groupId, meeting.id, '/current-item'), { itemId }),
      onChanged,
    );
  }

  return (
    <section aria-labelledby="live-agenda-title" className="section">
      <h2 id="live-agenda-title">
        <FormattedMessage id="meetings.live.agendaHeading" defaultMessage="Agenda, in order" />
      </h2>
      {agenda.length === 0 ? (
        <p>
          <FormattedMessage
            id="meetings.live.agendaEmpty"
            defaultMessage="There is nothing on the agenda."
          />
        </p>
      ) : (
        <ol aria-labelledby="live-agenda-title" className="live-agenda">
          {agenda.map((item) => {
            const isCurrent = item.id === currentItem?.id;
            return (
              <li
                key={item.id}
                aria-current={isCurrent ? 'true' : undefined}
                className={isCurrent ? 'live-agenda-current' : undefined}
              >
                <div className="live-agenda-row">
                  <span className="live-agenda-title">
                    {item.title}
                    {isCurrent ? (
                      <>
                        {' '}
                        <span className="live-now-tag">
                          <FormattedMessage id="meetings.live.nowTag" defaultMessage="(now)" />
                        </span>
                      </>
                    ) : null}
                  </span>
                  {can.run ? (
                    isCurrent ? (
                      <button
                        type="button"
                        className="button button-secondary button-small"
                        onClick={() => makeCurrent(null)}
                        aria-disabled={action.busy || undefined}
                      >
                        <FormattedMessage
                          id="meetings.live.clearCurrent"
                          defaultMessage="Clear the current item"
                        />
                      </button>
                    ) : (
                      <button
                        type="button"
                        className="button button-secondary button-small"
                        onClick={() => makeCurrent(item.id)}
                        aria-disabled={action.busy || undefined}
                        aria-label={intl.formatMessage(
                          {
                            id: 'meetings.live.makeCurrentLabel',
                            defaultMessage: 'Make this the current item: {title}',
                          },
                          { title: item.title },
                        )}
                      >
                        <FormattedMessage
                          id="meetings.live.makeCurrent"
                          defaultMessage="Make this the current item"
                        />
                      </button>
                    )
                  ) : null}
                </div>
              </li>
            );
          })}
        </ol>
      )}
      {can.run ? <Problem error={action.problem} /> : null}
    </section>
  );
}

/** For chairs and note-takers: the code to show in the room, and the link to share online. */
function CheckInCode({ detail }: { detail: MeetingDetail }) {
  const intl = useIntl();
  const { meeting } = detail;
  const link = useResource<CheckInLink>(meetingsApi(meeting.groupId, meeting.id, '/check-in-link'));
  if (link.error) return <LoadProblem error={link.error} retry={link.reload} />;
  if (!link.data) {
    return (
      <Loading>
        <FormattedMessage
          id="meetings.live.loadingCode"
          defaultMessage="Loading the check-in code…"
        />
      </Loading>
    );
  }
  const zone = meeting.timeZone;
  return (
    <div className="panel checkin-panel">
      <h3>
        <FormattedMessage id="meetings.live.codeHeading" defaultMessage="Check-in code" />
      </h3>
      <p>
        <FormattedMessage
          id="meetings.live.codeHelp"
          defaultMessage="Show this in the room, or share the link with people joining online. Check-in is open from {opens} to {closes}."
          values={{
            opens: formatTimeIn(link.data.opensAt, zone),
            closes: formatTimeIn(link.data.closesAt, zone),
          }}
        />
      </p>
      <figure className="checkin-figure">
        <QrCode
          rows={link.data.qr}
          label={intl.formatMessage(
            {
              id: 'meetings.live.qrLabel',
              defaultMessage: 'QR code of the check-in link for {title}',
            },
            { title: meeting.title },
          )}
        />
        <figcaption className="checkin-link">{link.data.link}</figcaption>
      </figure>
      <CopyField
        id="check-in-link"
        label={intl.formatMessage({
          id: 'meetings.live.linkLabel',
          defaultMessage: 'Check-in link',
        })}
        value={link.data.link}
        copyLabel={intl.formatMessage({
          id: 'meetings.live.copyLink',
          defaultMessage: 'Copy the check-in link',
        })}
      />
    </div>
  );
}
