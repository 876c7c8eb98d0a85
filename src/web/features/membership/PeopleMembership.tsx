import { FormattedMessage, useIntl } from 'react-intl';
import { Link } from '../../components/Link.tsx';
import { formatDate } from '../../lib/format.ts';
import { useResource } from '../../lib/resource.ts';
import {
  groupApi,
  meetingsCounted,
  personPage,
  ruleSummary,
  STATUS_LABELS,
  type MembershipEntry,
  type MembershipList,
} from './types.ts';
import './membership.css';

export type PeopleMembership = {
  /** Each person's entry, by user id; empty while loading or when the caller may not see it. */
  byUser: Map<string, MembershipEntry>;
  /** The rule in force, in plain words; null when not shown. */
  rule: string | null;
};

/**
 * Everyone's membership status in a group, worked out by the server from
 * attendance and the ToR. Observers may not see it: then there is nothing to show.
 */
export function usePeopleMembership(groupId: string | null): PeopleMembership {
  const intl = useIntl();
  const list = useResource<MembershipList>(
    groupId === null ? null : groupApi(groupId, '/membership'),
  );
  const people = list.data?.people ?? [];
  const rule = list.data?.rule;
  return {
    byUser: new Map(people.map((p) => [p.userId, p])),
    rule: rule
      ? rule.source === 'seed'
        ? intl.formatMessage(
            {
              id: 'membership.rule.seed',
              defaultMessage:
                '{rule} (The starting rule, until the group adopts its Terms of Reference.)',
            },
            { rule: ruleSummary(intl, rule) },
          )
        : ruleSummary(intl, rule)
      : null,
  };
}

/** One line under a person's name in the people list: status, meetings counted, history. */
export function MembershipLine({ groupId, entry }: { groupId: string; entry: MembershipEntry }) {
  const intl = useIntl();
  const since =
    entry.status === 'member' && entry.becameMemberOn
      ? formatDate(entry.becameMemberOn)
      : entry.status === 'lapsed' && entry.lapsedOn
        ? formatDate(entry.lapsedOn)
        : null;
  const values = {
    status: <strong>{intl.formatMessage(STATUS_LABELS[entry.status])}</strong>,
    counted: meetingsCounted(intl, entry.meetingsCounted),
    link: (
      <Link to={personPage(groupId, entry.userId)}>
        <FormattedMessage
          id="membership.line.link"
          defaultMessage="Attendance<hidden> and membership of {name}</hidden>"
          values={{
            name: entry.name,
            hidden: (chunks) => <span className="visually-hidden">{chunks}</span>,
          }}
        />
      </Link>
    ),
  };
  return (
    <p className="membership-line">
      {since ? (
        <FormattedMessage
          id="membership.line.since"
          defaultMessage="Membership: {status} since {since} · {counted} · {link}"
          values={{ status: values.status, since, counted: values.counted, link: values.link }}
        />
      ) : (
        <FormattedMessage
          id="membership.line.plain"
          defaultMessage="Membership: {status} · {counted} · {link}"
          values={{ status: values.status, counted: values.counted, link: values.link }}
        />
      )}
    </p>
  );
}
