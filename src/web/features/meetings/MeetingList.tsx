import type { ReactNode } from 'react';
import { FormattedMessage, useIntl, type IntlShape } from 'react-intl';
import { Link } from '../../components/Link.tsx';
import { formatDayIn, formatMeetingTime } from '../../lib/format.ts';
import { meetingsPage, type MeetingSummary } from './types.ts';

type Props = {
  meetings: MeetingSummary[];
  /** Names the list for screen readers, such as "Upcoming meetings". */
  label: string;
};

/** Meetings in time order: when (in the meeting's time zone), where, changes, your answer. */
export function MeetingList({ meetings, label }: Props) {
  const intl = useIntl();
  return (
    <ul className="item-list" aria-label={label}>
      {meetings.map((meeting) => (
        <li key={meeting.id} className="item">
          <div className="item-main">
            <p className="item-title">
              <Link to={meetingsPage(meeting.groupId, meeting.id)}>
                <FormattedMessage
                  id="meetings.list.titleAndDay"
                  defaultMessage="{title}, {day}"
                  values={{
                    title: meeting.title,
                    day: formatDayIn(meeting.startsAt, meeting.timeZone),
                  }}
                />
              </Link>
            </p>
            <p>{formatMeetingTime(meeting.startsAt, meeting.endsAt, meeting.timeZone)}</p>
            <Where meeting={meeting} />
            <Changes meeting={meeting} />
            {meeting.status === 'scheduled' && meeting.phase !== 'past' ? (
              <p className="muted">{answerText(intl, meeting.myIntent)}</p>
            ) : null}
          </div>
        </li>
      ))}
    </ul>
  );
}

export function answerText(intl: IntlShape, intent: MeetingSummary['myIntent']): string {
  if (intent === 'attending') {
    return intl.formatMessage({
      id: 'meetings.answer.attending',
      defaultMessage: 'Your answer: you will come.',
    });
  }
  if (intent === 'apologies') {
    return intl.formatMessage({
      id: 'meetings.answer.apologies',
      defaultMessage: 'Your answer: you sent your apologies.',
    });
  }
  return intl.formatMessage({
    id: 'meetings.answer.none',
    defaultMessage: 'You have not said whether you will come.',
  });
}

/** In a room, online, or both. */
export function Where({ meeting }: { meeting: MeetingSummary }) {
  if (!meeting.place && !meeting.onlineUrl) {
    return (
      <p className="muted">
        <FormattedMessage id="meetings.where.unknown" defaultMessage="Place to be confirmed." />
      </p>
    );
  }
  const url = meeting.onlineUrl ? (
    <a href={meeting.onlineUrl} className="meeting-url" rel="noreferrer">
      {meeting.onlineUrl}
    </a>
  ) : null;
  return (
    <p>
      {meeting.place && url ? (
        <FormattedMessage
          id="meetings.where.placeAndOnline"
          defaultMessage="At {place}, or online: {url}"
          values={{ place: meeting.place, url }}
        />
      ) : meeting.place ? (
        <FormattedMessage
          id="meetings.where.place"
          defaultMessage="At {place}"
          values={{ place: meeting.place }}
        />
      ) : (
        <FormattedMessage
          id="meetings.where.online"
          defaultMessage="Online: {url}"
          values={{ url }}
        />
      )}
    </p>
  );
}

/** Cancelled or moved, with the reason given. */
export function Changes({ meeting }: { meeting: MeetingSummary }) {
  const strong = (chunks: ReactNode[]) => <strong>{chunks}</strong>;
  if (meeting.status === 'cancelled') {
    return (
      <p className="meeting-change">
        {meeting.cancelledReason ? (
          <FormattedMessage
            id="meetings.change.cancelledBecause"
            defaultMessage="<b>Cancelled</b>: {reason}"
            values={{ b: strong, reason: meeting.cancelledReason }}
          />
        ) : (
          <FormattedMessage
            id="meetings.change.cancelled"
            defaultMessage="<b>Cancelled</b>."
            values={{ b: strong }}
          />
        )}
      </p>
    );
  }
  if (meeting.moved) {
    return (
      <p className="meeting-change">
        {meeting.movedReason ? (
          <FormattedMessage
            id="meetings.change.movedBecause"
            defaultMessage="<b>Moved</b>: {reason}"
            values={{ b: strong, reason: meeting.movedReason }}
          />
        ) : (
          <FormattedMessage
            id="meetings.change.moved"
            defaultMessage="<b>Moved</b>."
            values={{ b: strong }}
          />
        )}
      </p>
    );
  }
  return null;
}
