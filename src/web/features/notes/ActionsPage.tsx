import { FormattedMessage, defineMessages, useIntl, type MessageDescriptor } from 'react-intl';
import type { ReactNode } from 'react';
import type { Me } from '../../../contracts/accounts.ts';
import { LoadProblem, Loading } from '../../components/Feedback.tsx';
import { Link } from '../../components/Link.tsx';
import { Page } from '../../components/Page.tsx';
import { pageFrame } from '../../components/PageFrames.tsx';
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

const OWNER_WORDS = defineMessages({
  anyone: { id: 'notes.actions.everyones', defaultMessage: 'Everyone’s' },
  me: { id: 'notes.actions.mine', defaultMessage: 'Mine' },
}) satisfies Record<Owner, MessageDescriptor>;
const STATUS_WORDS = defineMessages({
  open: { id: 'notes.actions.open', defaultMessage: 'Open' },
  done: { id: 'notes.actions.done', defaultMessage: 'Done' },
  all: { id: 'notes.actions.all', defaultMessage: 'All' },
}) satisfies Record<Status, MessageDescriptor>;
const ORDER_WORDS = defineMessages({
  due: { id: 'notes.actions.byDue', defaultMessage: 'By due date' },
  owner: { id: 'notes.actions.byOwner', defaultMessage: 'By owner' },
}) satisfies Record<Order, MessageDescriptor>;

/** What the page says before it can be shown. */
const FRAME = defineMessages({
  pageTitle: { id: 'notes.actions.title', defaultMessage: 'Actions' },
  title: { id: 'notes.actions.notFoundTitle', defaultMessage: 'We could not show these actions' },
  missing: {
    id: 'notes.actions.notFound',
    defaultMessage: 'The group may have been removed, or you may not be able to see its actions.',
  },
  back: { id: 'notes.actions.toGroups', defaultMessage: 'Go to my groups' },
});

/** The action tracker: everyone's or mine, open or done, by due date or by owner. */
export function ActionsPage({ groupId, me }: { groupId: string; me: Me }) {
  const intl = useIntl();
  const place = usePlace();
  const view = viewFrom(place.search);
  const group = useResource<Group>(groupApi(groupId));
  const actions = useResource<List>(
    actionsApi(groupId, undefined, `?owner=${view.owner}&status=${view.status}`),
  );
  const frame = pageFrame([group, actions], FRAME, '/groups', [group]);
  if (frame || !group.data) return frame;

  const role = group.data.myRole;
  const list = actions.data?.actions ?? [];
  const overdue = list.filter((a) => a.overdue && a.status === 'open').length;
  const canChange = (action: Action) =>
    action.ownerId === me.id || role === 'chair' || role === 'note_taker';

  function choices<K extends keyof View>(
    key: K,
    words: Record<View[K], MessageDescriptor>,
    label: string,
  ) {
    return (
      <nav aria-label={label}>
        <ul className="notes-links notes-tabs">
          {(Object.keys(words) as View[K][]).map((value) => (
            <li key={String(value)}>
              <Link
                to={actionsPage(groupId, searchOf({ ...view, [key]: value }))}
                aria-current={view[key] === value ? 'page' : undefined}
              >
                {intl.formatMessage(words[value] as MessageDescriptor)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
    );
  }

  return (
    <Page
      title={intl.formatMessage({ id: 'notes.actions.title', defaultMessage: 'Actions' })}
      lead={
        <div className="lead">
          <p>
            <FormattedMessage
              id="notes.actions.lead"
              defaultMessage="Actions of <link>{group}</link>: who will do what, by when."
              values={{
                group: group.data.name,
                link: (chunks: ReactNode[]) => <Link to={groupPage(groupId)}>{chunks}</Link>,
              }}
            />
          </p>
        </div>
      }
    >
      {choices(
        'owner',
        OWNER_WORDS,
        intl.formatMessage({ id: 'notes.actions.whose', defaultMessage: 'Whose actions' }),
      )}
      {choices(
        'status',
        STATUS_WORDS,
        intl.formatMessage({ id: 'notes.actions.which', defaultMessage: 'Which actions' }),
      )}
      {choices(
        'by',
        ORDER_WORDS,
        intl.formatMessage({ id: 'notes.actions.order', defaultMessage: 'Order' }),
      )}

      <section aria-labelledby="tracker-title" className="section">
        <h2 id="tracker-title">
          <FormattedMessage
            id="notes.actions.heading"
            defaultMessage="{owner, select, me {My {status, select, done {done actions} all {actions} other {open actions}}} other {Everyone’s {status, select, done {done actions} all {actions} other {open actions}}}}"
            values={{ owner: view.owner, status: view.status }}
          />
        </h2>
        {actions.error ? <LoadProblem error={actions.error} retry={actions.reload} /> : null}
        {actions.loading ? <Loading /> : null}
        {actions.data ? (
          <p>
            {overdue > 0 ? (
              <FormattedMessage
                id="notes.actions.countOverdue"
                defaultMessage="{count, plural, one {# action} other {# actions}}, {overdue} overdue."
                values={{ count: list.length, overdue }}
              />
            ) : (
              <FormattedMessage
                id="notes.actions.count"
                defaultMessage="{count, plural, one {# action} other {# actions}}."
                values={{ count: list.length }}
              />
            )}
          </p>
        ) : null}
        {list.length > 0 && view.by === 'due' ? (
          <ActionList
            actions={list}
            label={intl.formatMessage({
              id: 'notes.actions.byDueLabel',
              defaultMessage: 'Actions by due date',
            })}
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
                  label={intl.formatMessage(
                    { id: 'notes.actions.ofOwner', defaultMessage: 'Actions of {owner}' },
                    { owner },
                  )}
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
          <AddActionForm groupId={groupId} level="h2" onAdded={actions.reload} />
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
