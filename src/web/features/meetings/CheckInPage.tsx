import { useState } from 'react';
import { defineMessages, FormattedMessage, useIntl } from 'react-intl';
import { checkInBody } from '../../../contracts/meetings.ts';
import { useAnnounce } from '../../components/Announcer.tsx';
import { Problem } from '../../components/Feedback.tsx';
import { Link } from '../../components/Link.tsx';
import { Page } from '../../components/Page.tsx';
import { pageFrame } from '../../components/PageFrames.tsx';
import { api, ApiError } from '../../lib/api.ts';
import { formatMeetingTime, formatTimeIn } from '../../lib/format.ts';
import { useResource } from '../../lib/resource.ts';
import { useAction } from './actions.ts';
import { meetingsApi, meetingsPage, type CheckInResult, type MeetingDetail } from './types.ts';
import './meetings.css';

type Props = { groupId: string; meetingId: string; me: { id: string }; search: string };

/** What the page says before it can be shown. */
const FRAME = defineMessages({
  pageTitle: { id: 'meetings.checkIn.title', defaultMessage: 'Check in' },
  title: { id: 'meetings.checkIn.notFoundTitle', defaultMessage: 'We could not find that meeting' },
  missing: {
    id: 'meetings.checkIn.notFoundWhy',
    defaultMessage:
      'The link may be wrong, or you may not be in the group. Ask the chair for the check-in link again.',
  },
  back: { id: 'meetings.checkIn.myGroups', defaultMessage: 'Go to my groups' },
});

/** Where the check-in link (or QR code) leads: the person says they are here, in the room or online. */
export function CheckInPage({ groupId, meetingId, me, search }: Props) {
  const intl = useIntl();
  const code = new URLSearchParams(search).get('code') ?? '';
  const detail = useResource<MeetingDetail>(meetingsApi(groupId, meetingId));
  const announce = useAnnounce();
  const action = useAction();
  const [done, setDone] = useState<CheckInResult | null>(null);

  const title = intl.formatMessage(FRAME.pageTitle);
  const frame = pageFrame([detail], FRAME, '/groups');
  if (frame || !detail.data) return frame;

  const { meeting } = detail.data;
  const already = detail.data.attendees.find(
    (a) =>
      a.userId === me.id &&
      a.checkedInAt &&
      (a.mark === 'present_in_person' || a.mark === 'present_online'),
  );

  function checkIn(mode: 'in_person' | 'online') {
    action.run(
      async () => {
        const body = checkInBody.safeParse({ code, mode });
        if (!body.success) {
          throw new ApiError(
            422,
            'validation_failed',
            intl.formatMessage({
              id: 'meetings.checkIn.codeIncomplete',
              defaultMessage:
                'The code in this link is not complete. Scan the code again, or ask the chair for the link.',
            }),
          );
        }
        setDone(
          await api.post<CheckInResult>(meetingsApi(groupId, meetingId, '/check-in'), body.data),
        );
      },
      () => {
        announce(
          intl.formatMessage({
            id: 'meetings.checkIn.done',
            defaultMessage: 'You are checked in.',
          }),
        );
        detail.reload();
      },
    );
  }

  const checkedInAt = done?.checkedInAt ?? already?.checkedInAt ?? null;
  const online = (done?.mark ?? already?.mark) === 'present_online';
  return (
    <Page
      title={title}
      lead={
        <div className="lead">
          <p>
            <strong>{meeting.title}</strong>
          </p>
          <p>{formatMeetingTime(meeting.startsAt, meeting.endsAt, meeting.timeZone)}</p>
        </div>
      }
    >
      {checkedInAt ? (
        <div className="notice" role="status">
          <p>
            {online ? (
              <FormattedMessage
                id="meetings.checkIn.doneOnline"
                defaultMessage="You are checked in online, at {time}. Thank you."
                values={{ time: formatTimeIn(checkedInAt, meeting.timeZone) }}
              />
            ) : (
              <FormattedMessage
                id="meetings.checkIn.doneInRoom"
                defaultMessage="You are checked in in the room, at {time}. Thank you."
                values={{ time: formatTimeIn(checkedInAt, meeting.timeZone) }}
              />
            )}
          </p>
        </div>
      ) : null}
      {!code ? (
        <p className="problem">
          <FormattedMessage
            id="meetings.checkIn.noCode"
            defaultMessage="This link has lost its code. Scan the code in the room again, or ask the chair for the link."
          />
        </p>
      ) : null}
      {code && !checkedInAt ? (
        <>
          <p>
            <FormattedMessage
              id="meetings.checkIn.intro"
              defaultMessage="Checking in records that you are at this meeting. It counts towards membership."
            />
          </p>
          <div className="actions">
            <button
              type="button"
              className="button"
              onClick={() => checkIn('in_person')}
              aria-disabled={action.busy || undefined}
            >
              <FormattedMessage
                id="meetings.checkIn.inRoom"
                defaultMessage="Check in (in the room)"
              />
            </button>
            <button
              type="button"
              className="button button-secondary"
              onClick={() => checkIn('online')}
              aria-disabled={action.busy || undefined}
            >
              <FormattedMessage id="meetings.checkIn.online" defaultMessage="Check in (online)" />
            </button>
          </div>
        </>
      ) : null}
      <Problem error={action.problem} />
      <p>
        <Link to={meetingsPage(groupId, meetingId)}>
          <FormattedMessage id="meetings.checkIn.goToMeeting" defaultMessage="Go to the meeting" />
        </Link>
      </p>
    </Page>
  );
}
