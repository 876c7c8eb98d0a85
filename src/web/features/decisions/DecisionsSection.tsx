import type { ReactNode } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import type { Group } from '../../../contracts/groups.ts';
import { LoadProblem, Loading } from '../../components/Feedback.tsx';
import { Link } from '../../components/Link.tsx';
import { formatCalendarDate } from '../../lib/format.ts';
import { useResource } from '../../lib/resource.ts';
import {
  decisionOutcome,
  decisionsApi,
  decisionsPage,
  proposalsPage,
  type DecisionList,
} from './types.ts';
import './decisions.css';

const SHOWN = 3;

/** On a group's home: the latest decisions, the register, and proposals between meetings. */
export function DecisionsSection({ group }: { group: Group }) {
  const intl = useIntl();
  const decisions = useResource<DecisionList>(decisionsApi(group.id));
  const latest = [...(decisions.data?.decisions ?? [])]
    .sort((a, b) => b.number - a.number)
    .slice(0, SHOWN);
  return (
    <section aria-labelledby="decisions-home-title" className="section">
      <h2 id="decisions-home-title">
        <FormattedMessage id="decisions.register.heading" defaultMessage="Decisions" />
      </h2>
      {decisions.error ? <LoadProblem error={decisions.error} retry={decisions.reload} /> : null}
      {decisions.loading ? <Loading /> : null}
      {decisions.data && latest.length === 0 ? (
        <p>
          <FormattedMessage
            id="decisions.home.none"
            defaultMessage="No decisions are recorded yet."
          />
        </p>
      ) : null}
      {latest.length > 0 ? (
        <ul
          className="plain-list"
          aria-label={intl.formatMessage({
            id: 'decisions.home.latest',
            defaultMessage: 'Latest decisions',
          })}
        >
          {latest.map((decision) => (
            <li key={decision.id}>
              <FormattedMessage
                id="decisions.home.line"
                defaultMessage="<link>Decision {number}: {title}</link> <muted>({outcome}, {date})</muted>"
                values={{
                  number: decision.number,
                  title: decision.title,
                  outcome: decisionOutcome(intl, decision).toLowerCase(),
                  date: formatCalendarDate(decision.decidedOn),
                  link: (chunks: ReactNode[]) => (
                    <Link to={decisionsPage(group.id, decision.id)}>{chunks}</Link>
                  ),
                  muted: (chunks: ReactNode[]) => <span className="muted">{chunks}</span>,
                }}
              />
            </li>
          ))}
        </ul>
      ) : null}
      <ul
        className="link-list"
        aria-label={intl.formatMessage({
          id: 'decisions.home.links',
          defaultMessage: 'Decisions and proposals',
        })}
      >
        <li>
          <Link to={decisionsPage(group.id)}>
            <FormattedMessage id="decisions.register.title" defaultMessage="Decision register" />
          </Link>
        </li>
        <li>
          <Link to={proposalsPage(group.id)}>
            <FormattedMessage
              id="decisions.register.proposals"
              defaultMessage="Proposals between meetings"
            />
          </Link>
        </li>
      </ul>
    </section>
  );
}
