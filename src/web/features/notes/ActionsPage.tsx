import type { Me } from '../../../contracts/accounts.ts';
import { LoadProblem, Loading } from '../../components/Feedback.tsx';
import { Link } from '../../components/Link.tsx';
import { Page } from '../../components/Page.tsx';
import { useResource } from '../../lib/resource.ts';
import { usePlace } from '../../lib/router.ts';
import { ActionList, AddActionForm } from './ActionList.tsx';
import {
  actionsApi,
  actionsPage,
  groupApi,
  groupPage,
  type Action,
  type ActionList as List,
  type Group,
} from './types.ts';
import './notes.css';

type Owner = 'me' | 'anyone';
type Status = 'open' | 'done' | 'all';
type Order = 'due' | 'owner';
type View = { owner: Owner; status: Status; by: Order };

function viewFrom(search: string): View {
  const query = new URLSearchParams(search);
  const status = query.get('status');
  return {
    owner: query.get('owner') === 'me' ? 'me' : 'anyone',
    status: status === 'done' || status === 'all' ? status : 'open',
    by: query.get('by') === 'owner' ? 'owner' : 'due',
  };
}

function searchOf(view: View): string {
  return `?owner=${view.owner}&status=${view.status}&by=${view.by}`;
}

const OWNER_WORDS: Record<Owner, string> = { anyone: 'Everyone’s', me: 'Mine' };
const STATUS_WORDS: Record<Status, string> = { open: 'Open', done: 'Done', all: 'All' };
const ORDER_WORDS: Record<Order, string> = { due: 'By due date', owner: 'By owner' };

/** The action tracker: everyone's or mine, open or done, by due date or by owner. */
export function ActionsPage({ groupId, me }: { groupId: string; me: Me }) {
  const place = usePlace();
  const view = viewFrom(place.search);
  const group = useResource<Group>(groupApi(groupId));
  const actions = useResource<List>(
    actionsApi(groupId, undefined, `?owner=${view.owner}&status=${view.status}`),
  );
  const error = group.error ?? actions.error;

  if (error && ['not_found', 'validation_failed', 'forbidden'].includes(error.code)) {
    return (
      <Page title="We could not show these actions">
        <p>The group may have been removed, or you may not be able to see its actions.</p>
        <p>
          <Link to="/groups">Go to my groups</Link>
        </p>
      </Page>
    );
  }
  if (!group.data) {
    return (
      <Page title="Actions" busy>
        {error ? <LoadProblem error={error} retry={group.reload} /> : <Loading />}
      </Page>
    );
  }

  const role = group.data.myRole;
  const list = actions.data?.actions ?? [];
  const overdue = list.filter((a) => a.overdue && a.status === 'open').length;
  const canChange = (action: Action) =>
    action.ownerId === me.id || role === 'chair' || role === 'note_taker';

  function choices<K extends keyof View>(key: K, words: Record<View[K], string>, label: string) {
    return (
      <nav aria-label={label}>
        <ul className="notes-links notes-tabs">
          {(Object.keys(words) as View[K][]).map((value) => (
            <li key={String(value)}>
              <Link
                to={actionsPage(groupId, searchOf({ ...view, [key]: value }))}
                aria-current={view[key] === value ? 'page' : undefined}
              >
                {words[value]}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
    );
  }

  return (
    <Page
      title="Actions"
      lead={
        <div className="lead">
          <p>
            Actions of <Link to={groupPage(groupId)}>{group.data.name}</Link>: who will do what, by
            when.
          </p>
        </div>
      }
    >
      {choices('owner', OWNER_WORDS, 'Whose actions')}
      {choices('status', STATUS_WORDS, 'Which actions')}
      {choices('by', ORDER_WORDS, 'Order')}

      <section aria-labelledby="tracker-title" className="section">
        <h2 id="tracker-title">
          {OWNER_WORDS[view.owner]} {STATUS_WORDS[view.status].toLowerCase()} actions
        </h2>
        {actions.error ? <LoadProblem error={actions.error} retry={actions.reload} /> : null}
        {actions.loading ? <Loading /> : null}
        {actions.data ? (
          <p>
            {list.length === 1 ? '1 action' : `${list.length} actions`}
            {overdue > 0 ? `, ${overdue} overdue` : ''}.
          </p>
        ) : null}
        {list.length > 0 && view.by === 'due' ? (
          <ActionList
            actions={list}
            label="Actions by due date"
            groupId={groupId}
            canChange={canChange}
            showMeeting
            onChanged={actions.reload}
          />
        ) : null}
        {list.length > 0 && view.by === 'owner'
          ? byOwner(list).map(([owner, owned]) => (
              <div key={owner}>
                <h3>{owner}</h3>
                <ActionList
                  actions={owned}
                  label={`Actions of ${owner}`}
                  groupId={groupId}
                  canChange={canChange}
                  showMeeting
                  onChanged={actions.reload}
                />
              </div>
            ))
          : null}
      </section>

      {role !== 'observer' ? (
        <section className="section" aria-labelledby="new-action-heading">
          <AddActionForm groupId={groupId} heading="h2" onAdded={actions.reload} />
        </section>
      ) : null}
    </Page>
  );
}

/** Actions grouped by owner (by name), each owner's by due date as the API gives them. */
function byOwner(actions: Action[]): [string, Action[]][] {
  const groups = new Map<string, Action[]>();
  for (const action of actions) {
    const owned = groups.get(action.ownerName) ?? [];
    owned.push(action);
    groups.set(action.ownerName, owned);
  }
  return [...groups].sort(([a], [b]) => a.localeCompare(b));
}
