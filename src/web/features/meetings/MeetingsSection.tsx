import { FormattedMessage, useIntl } from 'react-intl';
import type { Group } from '../../../contracts/groups.ts';
import { LoadProblem, Loading } from '../../components/Feedback.tsx';
import { Link } from '../../components/Link.tsx';
import { useResource } from '../../lib/resource.ts';
import { MeetingList } from './MeetingList.tsx';
import { meetingsApi, meetingsPage, type MeetingList as List } from './types.ts';
import './meetings.css';

const SHOWN = 3;

/** On a group's home: the next few meetings, and the way to all of them. */
export function MeetingsSection({ group }: { group: Group }) {
  const intl = useIntl();
  const upcoming = useResource<List>(meetingsApi(group.id, undefined, '?when=upcoming'));
  const list = upcoming.data?.meetings ?? [];
  const isChair = group.myRole === 'chair';
  return (
    <section aria-labelledby="meetings-title" className="section">
      <h2 id="meetings-title">
        <FormattedMessage id="meetings.home.heading" defaultMessage="Meetings" />
      </h2>
      {upcoming.error ? <LoadProblem error={upcoming.error} retry={upcoming.reload} /> : null}
      {upcoming.loading ? <Loading /> : null}
      {upcoming.data && list.length === 0 ? (
        <p>
          {isChair ? (
            <FormattedMessage
              id="meetings.home.noneChair"
              defaultMessage="No meetings are planned yet. Schedule them from our Terms of Reference, or add one."
            />
          ) : (
            <FormattedMessage
              id="meetings.home.none"
              defaultMessage="No meetings are planned yet."
            />
          )}
        </p>
      ) : null}
      {list.length > 0 ? (
        <MeetingList
          meetings={list.slice(0, SHOWN)}
          label={intl.formatMessage({ id: 'meetings.home.next', defaultMessage: 'Next meetings' })}
        />
      ) : null}
      <p>
        <Link to={meetingsPage(group.id)}>
          <FormattedMessage id="meetings.home.all" defaultMessage="All meetings" />
        </Link>
      </p>
    </section>
  );
}
