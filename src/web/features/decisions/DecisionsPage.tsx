import type { Group } from '../../../contracts/groups.ts';
import { LoadProblem, Loading } from '../../components/Feedback.tsx';
import { Link } from '../../components/Link.tsx';
import { Page } from '../../components/Page.tsx';
import { segment } from '../../lib/api.ts';
import { formatCalendarDate } from '../../lib/format.ts';
import { useResource } from '../../lib/resource.ts';
import {
  decisionOutcome,
  decisionsApi,
  decisionsPage,
  METHODS,
  proposalsPage,
  type DecisionList,
} from './types.ts';
import './decisions.css';

/** The decision register: every decision the group has recorded, newest first, and exports. */
export function DecisionsPage({ groupId }: { groupId: string }) {
  const group = useResource<Group>(`/api/v1/groups/${segment(groupId)}`);
  const decisions = useResource<DecisionList>(decisionsApi(groupId));
  const error = group.error ?? decisions.error;

  if (error && ['not_found', 'validation_failed', 'forbidden'].includes(error.code)) {
    return (
      <Page title="We could not show the decision register">
        <p>
          {error.code === 'forbidden'
            ? 'Only people who take part in the group see its decisions, until it releases them.'
            : 'The group may have been removed, or you may not be in it.'}
        </p>
        <p>
          <Link to="/groups">Go to my groups</Link>
        </p>
      </Page>
    );
  }
  if (!group.data || !decisions.data) {
    return (
      <Page title="Decision register" busy>
        {error ? (
          <LoadProblem
            error={error}
            retry={() => {
              group.reload();
              decisions.reload();
            }}
          />
        ) : (
          <Loading />
        )}
      </Page>
    );
  }

  const list = [...decisions.data.decisions].sort((a, b) => b.number - a.number);
  return (
    <Page
      title="Decision register"
      lead={
        <div className="lead">
          <p>
            Of <Link to={`/groups/${segment(groupId)}`}>{group.data.name}</Link>
          </p>
          <p>
            <Link to={proposalsPage(groupId)}>Proposals between meetings</Link>
          </p>
        </div>
      }
    >
      <p>
        Every decision the group has made, with every opinion voiced and never who held it. A
        correction is a new decision, linked to the one it corrects.
      </p>
      <ul className="link-list" aria-label="Download the register">
        <li>
          <a href={decisionsApi(groupId, undefined, '/export?format=csv')} download>
            Download as CSV (spreadsheet)
          </a>
        </li>
        <li>
          <a href={decisionsApi(groupId, undefined, '/export?format=json')} download>
            Download as JSON
          </a>
        </li>
      </ul>

      <section aria-labelledby="decisions-title" className="section">
        <h2 id="decisions-title">Decisions</h2>
        {list.length === 0 ? <p>The group has not recorded any decisions yet.</p> : null}
        {list.length > 0 ? (
          <ol className="card-list" aria-label="Decisions, newest first">
            {list.map((decision) => (
              <li key={decision.id} className="card">
                <h3 className="card-title">
                  <Link to={decisionsPage(groupId, decision.id)}>
                    Decision {decision.number}: {decision.title}
                  </Link>
                </h3>
                <dl className="facts">
                  <dt>Outcome</dt>
                  <dd>{decisionOutcome(decision)}</dd>
                  <dt>How</dt>
                  <dd>{METHODS[decision.method]}</dd>
                  <dt>Date</dt>
                  <dd>{formatCalendarDate(decision.decidedOn)}</dd>
                </dl>
                {decision.correctedBy ? (
                  <p className="corrected">This decision has been corrected.</p>
                ) : null}
              </li>
            ))}
          </ol>
        ) : null}
      </section>
    </Page>
  );
}
