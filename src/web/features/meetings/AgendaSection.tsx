import { useState } from 'react';
import type { Me } from '../../../contracts/accounts.ts';
import {
  addAgendaItemBody,
  declareInterestBody,
  moveOutsideBody,
  updateAgendaItemBody,
} from '../../../contracts/meetings.ts';
import { useAnnounce } from '../../components/Announcer.tsx';
import { Problem } from '../../components/Feedback.tsx';
import {
  Form,
  SelectField,
  SubmitButton,
  TextArea,
  TextField,
  type SelectOption,
} from '../../components/Form.tsx';
import { api, segment } from '../../lib/api.ts';
import { useFormState, validate, withoutEmpty, type FormValues } from '../../lib/forms.ts';
import { useAction } from './actions.ts';
import { meetingsApi, type AgendaItem, type MeetingDetail } from './types.ts';

type Props = { detail: MeetingDetail; me: Me; onChanged: () => void };

/** The agenda in order, what to add to it, and what is kept outside this meeting. */
export function AgendaSection({ detail, me, onChanged }: Props) {
  const { meeting, agenda, outside, can } = detail;
  const announce = useAnnounce();
  const publish = useAction();
  const manage = can.manage && meeting.status === 'scheduled';

  function togglePublished() {
    const next = !meeting.agendaPublished;
    publish.run(
      () => api.patch(meetingsApi(meeting.groupId, meeting.id), { agendaPublished: next }),
      () => {
        announce(next ? 'The agenda is published.' : 'The agenda is back to a draft.');
        onChanged();
      },
    );
  }

  return (
    <>
      <section aria-labelledby="agenda-title" className="section">
        <h2 id="agenda-title">Agenda</h2>
        <p>
          {meeting.agendaPublished
            ? 'The agenda is published.'
            : 'The agenda is a draft: the chair publishes it when it is ready.'}{' '}
          Each item names the part of our remit it serves.
        </p>
        {manage ? (
          <>
            <button
              type="button"
              className="button button-secondary"
              onClick={togglePublished}
              aria-disabled={publish.busy || undefined}
            >
              {meeting.agendaPublished ? 'Take the agenda back to draft' : 'Publish the agenda'}
            </button>
            <Problem error={publish.problem} />
          </>
        ) : null}
        {agenda.length === 0 ? (
          <p>There is nothing on the agenda yet.</p>
        ) : (
          <ol className="agenda-list" aria-label="Agenda items, in order">
            {agenda.map((item, index) => (
              <li key={item.id} className="agenda-item">
                <h3 className="agenda-title">
                  {index + 1}. {item.title}
                </h3>
                <ItemDetails item={item} />
                {detail.declareInterests ? (
                  <Declarations
                    detail={detail}
                    item={item}
                    me={me}
                    canDeclare={can.addItem}
                    onChanged={onChanged}
                  />
                ) : null}
                {manage ? (
                  <ChairItemControls
                    detail={detail}
                    item={item}
                    index={index}
                    onChanged={onChanged}
                  />
                ) : null}
              </li>
            ))}
          </ol>
        )}
        {can.addItem && meeting.status === 'scheduled' ? (
          <AddItemForm detail={detail} onAdded={onChanged} />
        ) : null}
      </section>

      <section aria-labelledby="outside-title" className="section">
        <h2 id="outside-title">Outside this meeting</h2>
        <p>
          Items outside our remit are not discussed here. Each says where it can be taken instead.
        </p>
        {outside.length === 0 ? (
          <p>There is nothing outside this meeting.</p>
        ) : (
          <ul className="agenda-list" aria-label="Items outside this meeting">
            {outside.map((item) => (
              <li key={item.id} className="agenda-item agenda-item-outside">
                <h3 className="agenda-title">{item.title}</h3>
                <ItemDetails item={item} />
                {item.takeInstead ? (
                  <p>
                    <strong>Where to take it instead:</strong> {item.takeInstead}
                  </p>
                ) : null}
                {item.placementReason ? (
                  <p>
                    <strong>Why it is outside this meeting:</strong> {item.placementReason}
                  </p>
                ) : null}
                {manage ? <MoveBack detail={detail} item={item} onMoved={onChanged} /> : null}
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

function ItemDetails({ item }: { item: AgendaItem }) {
  return (
    <>
      <p className="purpose">{item.purpose}</p>
      <p className="muted">Remit area: {item.remitTitle ?? item.remitKey ?? 'none named'}</p>
      {item.needsReview ? (
        <p className="agenda-review">
          <strong>For the chair to judge:</strong> {item.needsReview}
        </p>
      ) : null}
    </>
  );
}

function itemPath(detail: MeetingDetail, item: AgendaItem, rest = '') {
  return meetingsApi(
    detail.meeting.groupId,
    detail.meeting.id,
    `/agenda/${segment(item.id)}${rest}`,
  );
}

type DeclarationsProps = {
  detail: MeetingDetail;
  item: AgendaItem;
  me: Me;
  canDeclare: boolean;
  onChanged: () => void;
};

/** Who has declared an interest in an item (or that they have none), and your own. */
function Declarations({ detail, item, me, canDeclare, onChanged }: DeclarationsProps) {
  const announce = useAnnounce();
  const none = useAction();
  const form = useFormState();
  const mine = item.declarations.find((d) => d.userId === me.id);
  const path = itemPath(detail, item, '/interest');

  function noInterest() {
    none.run(
      () => api.put(path, { interest: null }),
      () => {
        announce(`You have no interest to declare in “${item.title}”.`);
        onChanged();
      },
    );
  }

  async function declare(values: FormValues, element: HTMLFormElement) {
    const body = validate(declareInterestBody, { interest: values.interest ?? '' });
    await api.put(path, body);
    element.reset();
    announce(`Your interest in “${item.title}” is declared.`);
    onChanged();
  }

  return (
    <div className="declarations">
      <p className="card-subtitle">Declarations of interest</p>
      {item.declarations.length === 0 ? (
        <p className="muted">No one has declared anything yet.</p>
      ) : (
        <ul aria-label={`Declarations of interest in “${item.title}”`}>
          {item.declarations.map((d) => (
            <li key={d.userId}>
              {d.name}
              {d.userId === me.id ? ' (you)' : ''}: {d.interest ?? 'no interest to declare'}
            </li>
          ))}
        </ul>
      )}
      {canDeclare ? (
        <>
          {mine?.interest !== null ? (
            <button
              type="button"
              className="button button-secondary button-small"
              onClick={noInterest}
              aria-disabled={none.busy || undefined}
            >
              I have no interest to declare
              <span className="visually-hidden"> in “{item.title}”</span>
            </button>
          ) : null}
          <Problem error={none.problem} />
          <details className="details">
            <summary>
              Declare an interest<span className="visually-hidden"> in “{item.title}”</span>
            </summary>
            <Form
              id={`interest-${item.id}`}
              state={form}
              labels={{ interest: `Your interest in “${item.title}”` }}
              onSubmit={declare}
            >
              <TextArea
                name="interest"
                hint="For example, a job, a role or a family tie that touches this item. The group sees it with your name."
              />
              <SubmitButton busy={form.busy}>Declare this interest</SubmitButton>
            </Form>
          </details>
        </>
      ) : null}
    </div>
  );
}

type ChairItemProps = {
  detail: MeetingDetail;
  item: AgendaItem;
  index: number;
  onChanged: () => void;
};

/** For chairs: change the order, or move an item outside this meeting with a reason. */
function ChairItemControls({ detail, item, index, onChanged }: ChairItemProps) {
  const announce = useAnnounce();
  const order = useAction();
  const form = useFormState();
  const last = detail.agenda.length - 1;

  function moveTo(position: number) {
    order.run(
      () => api.patch(itemPath(detail, item), { position }),
      () => {
        announce(`“${item.title}” is now item ${position}.`);
        onChanged();
      },
    );
  }

  async function moveOutside(values: FormValues) {
    const body = validate(moveOutsideBody, withoutEmpty(values));
    await api.post(itemPath(detail, item, '/outside'), body);
    announce(`“${item.title}” is moved outside this meeting.`);
    onChanged();
  }

  return (
    <div className="agenda-controls">
      <div className="actions actions-tight">
        {index > 0 ? (
          <button
            type="button"
            className="button button-secondary button-small"
            onClick={() => moveTo(index)}
            aria-disabled={order.busy || undefined}
          >
            Move up<span className="visually-hidden"> “{item.title}”</span>
          </button>
        ) : null}
        {index < last ? (
          <button
            type="button"
            className="button button-secondary button-small"
            onClick={() => moveTo(index + 2)}
            aria-disabled={order.busy || undefined}
          >
            Move down<span className="visually-hidden"> “{item.title}”</span>
          </button>
        ) : null}
      </div>
      <Problem error={order.problem} />
      <details className="details">
        <summary>
          Move outside this meeting<span className="visually-hidden"> “{item.title}”</span>
        </summary>
        <Form
          id={`outside-${item.id}`}
          state={form}
          labels={{
            reason: `Why “${item.title}” is outside this meeting`,
            takeInstead: 'Where it can be taken instead',
          }}
          onSubmit={moveOutside}
        >
          <TextArea name="reason" hint="The group sees this, and it is kept in the record." />
          <TextField
            name="takeInstead"
            optional
            autoComplete="off"
            hint="Leave empty to use what our Terms of Reference say for its area."
          />
          <SubmitButton busy={form.busy}>Move outside this meeting</SubmitButton>
        </Form>
      </details>
    </div>
  );
}

/** For chairs: bring an item back onto the agenda, saying why. */
function MoveBack({
  detail,
  item,
  onMoved,
}: {
  detail: MeetingDetail;
  item: AgendaItem;
  onMoved: () => void;
}) {
  const announce = useAnnounce();
  const form = useFormState();

  async function moveBack(values: FormValues) {
    const body = validate(updateAgendaItemBody, { placement: 'agenda', reason: values.reason });
    await api.patch(itemPath(detail, item), body);
    announce(`“${item.title}” is back on the agenda.`);
    onMoved();
  }

  return (
    <details className="details">
      <summary>
        Move back onto the agenda<span className="visually-hidden"> “{item.title}”</span>
      </summary>
      <Form
        id={`back-${item.id}`}
        state={form}
        labels={{ reason: `Why “${item.title}” belongs on the agenda after all` }}
        onSubmit={moveBack}
      >
        <TextArea name="reason" hint="The group sees this, and it is kept in the record." />
        <SubmitButton busy={form.busy}>Move back onto the agenda</SubmitButton>
      </Form>
    </details>
  );
}

/** Anyone taking part can propose an item; one under an area outside our remit goes outside. */
function AddItemForm({ detail, onAdded }: { detail: MeetingDetail; onAdded: () => void }) {
  const announce = useAnnounce();
  const form = useFormState();
  const [added, setAdded] = useState<string | null>(null);
  const inScope = detail.remitAreas.filter((a) => a.inScope);
  const outOfScope = detail.remitAreas.filter((a) => !a.inScope);
  const options: (SelectOption | { group: string; options: SelectOption[] })[] = [
    { value: '', label: 'Not sure: the chair will decide' },
    {
      group: 'In our remit',
      options: inScope.map((a) => ({ value: a.key, label: a.title })),
    },
  ];
  if (outOfScope.length > 0) {
    options.push({
      group: 'Outside our remit',
      options: outOfScope.map((a) => ({ value: a.key, label: `${a.title} (outside our remit)` })),
    });
  }

  async function add(values: FormValues, element: HTMLFormElement) {
    setAdded(null);
    const body = validate(addAgendaItemBody, {
      title: values.title ?? '',
      purpose: values.purpose ?? '',
      remitKey: values.remitKey ? values.remitKey : null,
    });
    const item = await api.post<AgendaItem>(
      meetingsApi(detail.meeting.groupId, detail.meeting.id, '/agenda'),
      body,
    );
    const words =
      item.placement === 'outside'
        ? `“${item.title}” is outside our remit, so it is listed under “Outside this meeting”${item.takeInstead ? `: take it to ${item.takeInstead}` : ''}.`
        : `“${item.title}” is added to the agenda.`;
    setAdded(words);
    announce(words);
    element.reset();
    onAdded();
  }

  return (
    <>
      <h3 id="add-item-heading">Add an item</h3>
      <Form
        id="add-item"
        state={form}
        labels={{
          title: 'Item title',
          purpose: 'What is it for?',
          remitKey: 'Which part of our remit does it serve?',
        }}
        onSubmit={add}
        labelledBy="add-item-heading"
      >
        <TextField name="title" autoComplete="off" />
        <TextArea
          name="purpose"
          hint="What the group should do with it: decide, discuss, hear an update."
        />
        <SelectField
          name="remitKey"
          options={options}
          defaultValue=""
          hint="An item under an area outside our remit is listed outside this meeting, with where to take it instead."
        />
        <SubmitButton busy={form.busy}>Add the item</SubmitButton>
      </Form>
      {added ? <p className="notice">{added}</p> : null}
    </>
  );
}
