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
  const decisions = useResource<DecisionList>(decisionsApi(group.id));
  const latest = [...(decisions.data?.decisions ?? [])]
    .sort((a, b) => b.number - a.number)
    .slice(0, SHOWN);
  return (
    <section aria-labelledby="decisions-home-title" className="section">
      <h2 id="decisions-home-title">Decisions</h2>
      {decisions.error ? <LoadProblem error={decisions.error} retry={decisions.reload} /> : null}
      {decisions.loading ? <Loading /> : null}
      {decisions.data && latest.length === 0 ? <p>No decisions are recorded yet.</p> : null}
      {latest.length > 0 ? (
        <ul className="plain-list" aria-label="Latest decisions">
          {latest.map((decision) => (
            <li key={decision.id}>
              <Link to={decisionsPage(group.id, decision.id)}>
                Decision {decision.number}: {decision.title}
              </Link>{' '}
              <span className="muted">
                ({decisionOutcome(decision).toLowerCase()}, {formatCalendarDate(decision.decidedOn)}
                )
              </span>
            </li>
          ))}
        </ul>
      ) : null}
      <ul className="link-list" aria-label="Decisions and proposals">
        <li>
          <Link to={decisionsPage(group.id)}>Decision register</Link>
        </li>
        <li>
          <Link to={proposalsPage(group.id)}>Proposals between meetings</Link>
        </li>
      </ul>
    </section>
  );
}
