import { FormattedMessage, defineMessages, useIntl } from 'react-intl';
import { addActionBody } from '../../../contracts/notes.ts';
import { useAnnounce } from '../../components/Announcer.tsx';
import { LoadProblem, Loading, Problem } from '../../components/Feedback.tsx';
import { Form, SelectField, SubmitButton, TextField } from '../../components/Form.tsx';
import { Link } from '../../components/Link.tsx';
import { api } from '../../lib/api.ts';
import { formatCalendarDate } from '../../lib/format.ts';
import { useFormState, validate, withoutEmpty, type FormValues } from '../../lib/forms.ts';
import { useResource } from '../../lib/resource.ts';
import { actionsApi, groupApi, notesPage, type Action, type PeopleList } from './types.ts';
import { useAction } from './useAction.ts';

const STATUS_WORDS = defineMessages({
  open: { id: 'notes.action.statusOpen', defaultMessage: 'Open' },
  done: { id: 'notes.action.statusDone', defaultMessage: 'Done' },
  dropped: { id: 'notes.action.statusDropped', defaultMessage: 'Dropped' },
});

type ListProps = {
  actions: Action[];
  /** Names the list for screen readers. */
  label: string;
  groupId: string;
  /** Whether the reader may mark this one done: their own, or any as a chair or note-taker. */
  canChange: (action: Action) => boolean;
  /** Link each action to the notes of the meeting it came from. */
  showMeeting?: boolean;
  onChanged: () => void;
};

/** Actions with their owner and due date; overdue ones say so in words, not colour alone. */
export function ActionList({
  actions,
  label,
  groupId,
  canChange,
  showMeeting = false,
  onChanged,
}: ListProps) {
  return (
    <ul className="item-list" aria-label={label}>
      {actions.map((action) => (
        <ActionRow
          key={action.id}
          action={action}
          groupId={groupId}
          canManage={canChange(action)}
          showMeeting={showMeeting}
          onChanged={onChanged}
        />
      ))}
    </ul>
  );
}

function ActionRow({
  action,
  groupId,
  canManage,
  showMeeting,
  onChanged,
}: {
  action: Action;
  groupId: string;
  canManage: boolean;
  showMeeting: boolean;
  onChanged: () => void;
}) {
  const intl = useIntl();
  const announce = useAnnounce();
  const change = useAction();
  const next = action.status === 'open' ? 'done' : 'open';

  function mark() {
    change.run(
      () => api.patch(actionsApi(groupId, action.id), { status: next }),
      () => {
        announce(
          next === 'done'
            ? intl.formatMessage(
                { id: 'notes.action.markedDone', defaultMessage: 'Done: {title}.' },
                { title: action.title },
              )
            : intl.formatMessage(
                { id: 'notes.action.reopened', defaultMessage: 'Open again: {title}.' },
                { title: action.title },
              ),
        );
        onChanged();
      },
    );
  }

  return (
    <li className="item notes-action">
      <div className="item-main">
        <p className="item-title">{action.title}</p>
        <p>
          <FormattedMessage
            id="notes.action.ownerDue"
            defaultMessage="{owner} · due {date}"
            values={{ owner: action.ownerName, date: formatCalendarDate(action.dueOn) }}
          />
          {action.status !== 'open' ? (
            <>
              {' · '}
              {intl.formatMessage(STATUS_WORDS[action.status])}
            </>
          ) : null}
          {action.overdue && action.status === 'open' ? (
            <>
              {' · '}
              <strong className="notes-overdue">
                <FormattedMessage id="notes.action.overdue" defaultMessage="Overdue" />
              </strong>
            </>
          ) : null}
        </p>
        {showMeeting && action.meetingId ? (
          <p className="notes-no-print">
            <Link to={notesPage(groupId, action.meetingId)}>
              <FormattedMessage
                id="notes.action.fromMeeting"
                defaultMessage="Notes of the meeting it came from"
              />
            </Link>
          </p>
        ) : null}
        <Problem error={change.problem} />
      </div>
      {canManage && action.status !== 'dropped' ? (
        <button
          type="button"
          className="button button-secondary button-small notes-no-print"
          onClick={mark}
          aria-disabled={change.busy || undefined}
          aria-label={
            next === 'done'
              ? intl.formatMessage(
                  { id: 'notes.action.markDoneLabel', defaultMessage: 'Mark done: {title}' },
                  { title: action.title },
                )
              : intl.formatMessage(
                  { id: 'notes.action.openAgainLabel', defaultMessage: 'Open again: {title}' },
                  { title: action.title },
                )
          }
        >
          {next === 'done' ? (
            <FormattedMessage id="notes.action.markDone" defaultMessage="Mark done" />
          ) : (
            <FormattedMessage id="notes.action.openAgain" defaultMessage="Open again" />
          )}
        </button>
      ) : null}
    </li>
  );
}

type AddProps = {
  groupId: string;
  /** Actions from a meeting's notes carry the meeting, and the agenda item if chosen. */
  meetingId?: string;
  items?: { id: string; title: string }[];
  /** h2 on a page of its own; h3 inside a section. */
  level?: 'h2' | 'h3';
  onAdded: () => void;
};

const LABELS = defineMessages({
  title: { id: 'notes.addAction.title', defaultMessage: 'What needs doing?' },
  ownerId: { id: 'notes.addAction.owner', defaultMessage: 'Who will do it?' },
  dueOn: { id: 'notes.addAction.due', defaultMessage: 'Due by' },
  itemId: { id: 'notes.addAction.item', defaultMessage: 'Which agenda item is it from?' },
});

/** Add an action: an owner in the group (owners are named; views never are) and a due date. */
export function AddActionForm({ groupId, meetingId, items, level = 'h3', onAdded }: AddProps) {
  const Heading = level;
  const intl = useIntl();
  const announce = useAnnounce();
  const form = useFormState();
  const people = useResource<PeopleList>(groupApi(groupId, '/people'));

  async function add(values: FormValues, element: HTMLFormElement) {
    const body = validate(
      addActionBody,
      withoutEmpty({ ...values, ...(meetingId ? { meetingId } : {}) }),
    );
    await api.post(actionsApi(groupId), body);
    element.reset();
    announce(
      intl.formatMessage(
        { id: 'notes.addAction.added', defaultMessage: 'Action added: {title}.' },
        { title: body.title },
      ),
    );
    onAdded();
  }

  if (people.error) return <LoadProblem error={people.error} retry={people.reload} />;
  if (!people.data) return <Loading />;
  const owners = [...people.data.people]
    .filter((p) => p.role !== 'observer')
    .sort((a, b) => a.name.localeCompare(b.name));

  return (
    <>
      <Heading id="new-action-heading">
        <FormattedMessage id="notes.addAction.heading" defaultMessage="Add an action" />
      </Heading>
      <Form
        id="add-action"
        state={form}
        labels={{
          title: intl.formatMessage(LABELS.title),
          ownerId: intl.formatMessage(LABELS.ownerId),
          dueOn: intl.formatMessage(LABELS.dueOn),
          itemId: intl.formatMessage(LABELS.itemId),
        }}
        onSubmit={add}
        labelledBy="new-action-heading"
      >
        <TextField name="title" />
        <SelectField
          name="ownerId"
          hint={intl.formatMessage({
            id: 'notes.addAction.ownerHint',
            defaultMessage: 'Owners are named. Views never are.',
          })}
          options={[
            {
              value: '',
              label: intl.formatMessage({
                id: 'notes.addAction.choose',
                defaultMessage: 'Choose someone',
              }),
            },
            ...owners.map((p) => ({ value: p.userId, label: p.name })),
          ]}
        />
        <TextField name="dueOn" type="date" />
        {items && items.length > 0 ? (
          <SelectField
            name="itemId"
            optional
            options={[
              {
                value: '',
                label: intl.formatMessage({
                  id: 'notes.addAction.noItem',
                  defaultMessage: 'None in particular',
                }),
              },
              ...items.map((item, index) => ({
                value: item.id,
                label: `${index + 1}. ${item.title}`,
              })),
            ]}
          />
        ) : null}
        <SubmitButton busy={form.busy}>
          <FormattedMessage id="notes.addAction.submit" defaultMessage="Add the action" />
        </SubmitButton>
      </Form>
    </>
  );
}
