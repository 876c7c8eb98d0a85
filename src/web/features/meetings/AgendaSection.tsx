import { useState, type ReactNode } from 'react';
import { FormattedMessage, useIntl, type IntlShape } from 'react-intl';
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
  const intl = useIntl();
  const { meeting, agenda, outside, can } = detail;
  const announce = useAnnounce();
  const publish = useAction();
  const manage = can.manage && meeting.status === 'scheduled';

  function togglePublished() {
    const next = !meeting.agendaPublished;
    publish.run(
      () => api.patch(meetingsApi(meeting.groupId, meeting.id), { agendaPublished: next }),
      () => {
        announce(
          next
            ? intl.formatMessage({
                id: 'meetings.agenda.publishedNow',
                defaultMessage: 'The agenda is published.',
              })
            : intl.formatMessage({
                id: 'meetings.agenda.draftAgain',
                defaultMessage: 'The agenda is back to a draft.',
              }),
        );
        onChanged();
      },
    );
  }

  return (
    <>
      <section aria-labelledby="agenda-title" className="section">
        <h2 id="agenda-title">
          <FormattedMessage id="meetings.agenda.heading" defaultMessage="Agenda" />
        </h2>
        <p>
          {meeting.agendaPublished ? (
            <FormattedMessage
              id="meetings.agenda.published"
              defaultMessage="The agenda is published. Each item names the part of our remit it serves."
            />
          ) : (
            <FormattedMessage
              id="meetings.agenda.draft"
              defaultMessage="The agenda is a draft: the chair publishes it when it is ready. Each item names the part of our remit it serves."
            />
          )}
        </p>
        {manage ? (
          <>
            <button
              type="button"
              className="button button-secondary"
              onClick={togglePublished}
              aria-disabled={publish.busy || undefined}
            >
              {meeting.agendaPublished ? (
                <FormattedMessage
                  id="meetings.agenda.unpublish"
                  defaultMessage="Take the agenda back to draft"
                />
              ) : (
                <FormattedMessage
                  id="meetings.agenda.publish"
                  defaultMessage="Publish the agenda"
                />
              )}
            </button>
            <Problem error={publish.problem} />
          </>
        ) : null}
        {agenda.length === 0 ? (
          <p>
            <FormattedMessage
              id="meetings.agenda.empty"
              defaultMessage="There is nothing on the agenda yet."
            />
          </p>
        ) : (
          <ol
            className="agenda-list"
            aria-label={intl.formatMessage({
              id: 'meetings.agenda.listLabel',
              defaultMessage: 'Agenda items, in order',
            })}
          >
            {agenda.map((item, index) => (
              <li key={item.id} className="agenda-item">
                <h3 className="agenda-title">
                  <FormattedMessage
                    id="meetings.agenda.numberedTitle"
                    defaultMessage="{number}. {title}"
                    values={{ number: index + 1, title: item.title }}
                  />
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
        <h2 id="outside-title">
          <FormattedMessage id="meetings.outside.heading" defaultMessage="Outside this meeting" />
        </h2>
        <p>
          <FormattedMessage
            id="meetings.outside.intro"
            defaultMessage="Items outside our remit are not discussed here. Each says where it can be taken instead."
          />
        </p>
        {outside.length === 0 ? (
          <p>
            <FormattedMessage
              id="meetings.outside.empty"
              defaultMessage="There is nothing outside this meeting."
            />
          </p>
        ) : (
          <ul
            className="agenda-list"
            aria-label={intl.formatMessage({
              id: 'meetings.outside.listLabel',
              defaultMessage: 'Items outside this meeting',
            })}
          >
            {outside.map((item) => (
              <li key={item.id} className="agenda-item agenda-item-outside">
                <h3 className="agenda-title">{item.title}</h3>
                <ItemDetails item={item} />
                {item.takeInstead ? (
                  <p>
                    <FormattedMessage
                      id="meetings.outside.takeInstead"
                      defaultMessage="<b>Where to take it instead:</b> {where}"
                      values={{ b: (chunks) => <strong>{chunks}</strong>, where: item.takeInstead }}
                    />
                  </p>
                ) : null}
                {item.placementReason ? (
                  <p>
                    <FormattedMessage
                      id="meetings.outside.why"
                      defaultMessage="<b>Why it is outside this meeting:</b> {reason}"
                      values={{
                        b: (chunks) => <strong>{chunks}</strong>,
                        reason: item.placementReason,
                      }}
                    />
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
      <p className="muted">
        {(item.remitTitle ?? item.remitKey) ? (
          <FormattedMessage
            id="meetings.item.remitArea"
            defaultMessage="Remit area: {area}"
            values={{ area: item.remitTitle ?? item.remitKey }}
          />
        ) : (
          <FormattedMessage
            id="meetings.item.noRemitArea"
            defaultMessage="Remit area: none named"
          />
        )}
      </p>
      {item.needsReview ? (
        <p className="agenda-review">
          <FormattedMessage
            id="meetings.item.needsReview"
            defaultMessage="<b>For the chair to judge:</b> {why}"
            values={{ b: (chunks) => <strong>{chunks}</strong>, why: item.needsReview }}
          />
        </p>
      ) : null}
    </>
  );
}

/** Words only screen readers hear, such as the item a button is about. */
function hidden(chunks: ReactNode[]) {
  return <span className="visually-hidden">{chunks}</span>;
}

function noInterestWords(intl: IntlShape): string {
  return intl.formatMessage({
    id: 'meetings.interest.none',
    defaultMessage: 'no interest to declare',
  });
}

function keptInRecord(intl: IntlShape): string {
  return intl.formatMessage({
    id: 'meetings.item.keptInRecord',
    defaultMessage: 'The group sees this, and it is kept in the record.',
  });
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
  const intl = useIntl();
  const announce = useAnnounce();
  const none = useAction();
  const form = useFormState();
  const mine = item.declarations.find((d) => d.userId === me.id);
  const path = itemPath(detail, item, '/interest');

  function noInterest() {
    none.run(
      () => api.put(path, { interest: null }),
      () => {
        announce(
          intl.formatMessage(
            {
              id: 'meetings.interest.noneAnnounced',
              defaultMessage: 'You have no interest to declare in “{title}”.',
            },
            { title: item.title },
          ),
        );
        onChanged();
      },
    );
  }

  async function declare(values: FormValues, element: HTMLFormElement) {
    const body = validate(declareInterestBody, { interest: values.interest ?? '' });
    await api.put(path, body);
    element.reset();
    announce(
      intl.formatMessage(
        {
          id: 'meetings.interest.declaredAnnounced',
          defaultMessage: 'Your interest in “{title}” is declared.',
        },
        { title: item.title },
      ),
    );
    onChanged();
  }

  return (
    <div className="declarations">
      <p className="card-subtitle">
        <FormattedMessage
          id="meetings.interest.heading"
          defaultMessage="Declarations of interest"
        />
      </p>
      {item.declarations.length === 0 ? (
        <p className="muted">
          <FormattedMessage
            id="meetings.interest.noneYet"
            defaultMessage="No one has declared anything yet."
          />
        </p>
      ) : (
        <ul
          aria-label={intl.formatMessage(
            {
              id: 'meetings.interest.listLabel',
              defaultMessage: 'Declarations of interest in “{title}”',
            },
            { title: item.title },
          )}
        >
          {item.declarations.map((d) => (
            <li key={d.userId}>
              {d.userId === me.id ? (
                <FormattedMessage
                  id="meetings.interest.mine"
                  defaultMessage="{name} (you): {interest}"
                  values={{ name: d.name, interest: d.interest ?? noInterestWords(intl) }}
                />
              ) : (
                <FormattedMessage
                  id="meetings.interest.theirs"
                  defaultMessage="{name}: {interest}"
                  values={{ name: d.name, interest: d.interest ?? noInterestWords(intl) }}
                />
              )}
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
              <FormattedMessage
                id="meetings.interest.noneButton"
                defaultMessage="I have no interest to declare<hidden> in “{title}”</hidden>"
                values={{ hidden, title: item.title }}
              />
            </button>
          ) : null}
          <Problem error={none.problem} />
          <details className="details">
            <summary>
              <FormattedMessage
                id="meetings.interest.declare"
                defaultMessage="Declare an interest<hidden> in “{title}”</hidden>"
                values={{ hidden, title: item.title }}
              />
            </summary>
            <Form
              id={`interest-${item.id}`}
              state={form}
              labels={{
                interest: intl.formatMessage(
                  { id: 'meetings.interest.label', defaultMessage: 'Your interest in “{title}”' },
                  { title: item.title },
                ),
              }}
              onSubmit={declare}
            >
              <TextArea
                name="interest"
                hint={intl.formatMessage({
                  id: 'meetings.interest.hint',
                  defaultMessage:
                    'For example, a job, a role or a family tie that touches this item. The group sees it with your name.',
                })}
              />
              <SubmitButton busy={form.busy}>
                <FormattedMessage
                  id="meetings.interest.submit"
                  defaultMessage="Declare this interest"
                />
              </SubmitButton>
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
  const intl = useIntl();
  const announce = useAnnounce();
  const order = useAction();
  const form = useFormState();
  const last = detail.agenda.length - 1;

  function moveTo(position: number) {
    order.run(
      () => api.patch(itemPath(detail, item), { position }),
      () => {
        announce(
          intl.formatMessage(
            { id: 'meetings.item.movedTo', defaultMessage: '“{title}” is now item {position}.' },
            { title: item.title, position },
          ),
        );
        onChanged();
      },
    );
  }

  async function moveOutside(values: FormValues) {
    const body = validate(moveOutsideBody, withoutEmpty(values));
    await api.post(itemPath(detail, item, '/outside'), body);
    announce(
      intl.formatMessage(
        {
          id: 'meetings.item.movedOutside',
          defaultMessage: '“{title}” is moved outside this meeting.',
        },
        { title: item.title },
      ),
    );
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
            <FormattedMessage
              id="meetings.item.moveUp"
              defaultMessage="Move up<hidden> “{title}”</hidden>"
              values={{ hidden, title: item.title }}
            />
          </button>
        ) : null}
        {index < last ? (
          <button
            type="button"
            className="button button-secondary button-small"
            onClick={() => moveTo(index + 2)}
            aria-disabled={order.busy || undefined}
          >
            <FormattedMessage
              id="meetings.item.moveDown"
              defaultMessage="Move down<hidden> “{title}”</hidden>"
              values={{ hidden, title: item.title }}
            />
          </button>
        ) : null}
      </div>
      <Problem error={order.problem} />
      <details className="details">
        <summary>
          <FormattedMessage
            id="meetings.item.moveOutside"
            defaultMessage="Move outside this meeting<hidden> “{title}”</hidden>"
            values={{ hidden, title: item.title }}
          />
        </summary>
        <Form
          id={`outside-${item.id}`}
          state={form}
          labels={{
            reason: intl.formatMessage(
              {
                id: 'meetings.item.outsideReasonLabel',
                defaultMessage: 'Why “{title}” is outside this meeting',
              },
              { title: item.title },
            ),
            takeInstead: intl.formatMessage({
              id: 'meetings.item.takeInsteadLabel',
              defaultMessage: 'Where it can be taken instead',
            }),
          }}
          onSubmit={moveOutside}
        >
          <TextArea name="reason" hint={keptInRecord(intl)} />
          <TextField
            name="takeInstead"
            optional
            autoComplete="off"
            hint={intl.formatMessage({
              id: 'meetings.item.takeInsteadHint',
              defaultMessage: 'Leave empty to use what our Terms of Reference say for its area.',
            })}
          />
          <SubmitButton busy={form.busy}>
            <FormattedMessage
              id="meetings.item.moveOutsideSubmit"
              defaultMessage="Move outside this meeting"
            />
          </SubmitButton>
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
  const intl = useIntl();
  const announce = useAnnounce();
  const form = useFormState();

  async function moveBack(values: FormValues) {
    const body = validate(updateAgendaItemBody, { placement: 'agenda', reason: values.reason });
    await api.patch(itemPath(detail, item), body);
    announce(
      intl.formatMessage(
        { id: 'meetings.item.backOnAgenda', defaultMessage: '“{title}” is back on the agenda.' },
        { title: item.title },
      ),
    );
    onMoved();
  }

  return (
    <details className="details">
      <summary>
        <FormattedMessage
          id="meetings.item.moveBack"
          defaultMessage="Move back onto the agenda<hidden> “{title}”</hidden>"
          values={{ hidden, title: item.title }}
        />
      </summary>
      <Form
        id={`back-${item.id}`}
        state={form}
        labels={{
          reason: intl.formatMessage(
            {
              id: 'meetings.item.moveBackReasonLabel',
              defaultMessage: 'Why “{title}” belongs on the agenda after all',
            },
            { title: item.title },
          ),
        }}
        onSubmit={moveBack}
      >
        <TextArea name="reason" hint={keptInRecord(intl)} />
        <SubmitButton busy={form.busy}>
          <FormattedMessage
            id="meetings.item.moveBackSubmit"
            defaultMessage="Move back onto the agenda"
          />
        </SubmitButton>
      </Form>
    </details>
  );
}

/** Anyone taking part can propose an item; one under an area outside our remit goes outside. */
function AddItemForm({ detail, onAdded }: { detail: MeetingDetail; onAdded: () => void }) {
  const intl = useIntl();
  const announce = useAnnounce();
  const form = useFormState();
  const [added, setAdded] = useState<string | null>(null);
  const inScope = detail.remitAreas.filter((a) => a.inScope);
  const outOfScope = detail.remitAreas.filter((a) => !a.inScope);
  const options: (SelectOption | { group: string; options: SelectOption[] })[] = [
    {
      value: '',
      label: intl.formatMessage({
        id: 'meetings.addItem.notSure',
        defaultMessage: 'Not sure: the chair will decide',
      }),
    },
    {
      group: intl.formatMessage({ id: 'meetings.addItem.inRemit', defaultMessage: 'In our remit' }),
      options: inScope.map((a) => ({ value: a.key, label: a.title })),
    },
  ];
  if (outOfScope.length > 0) {
    options.push({
      group: intl.formatMessage({
        id: 'meetings.addItem.outsideRemit',
        defaultMessage: 'Outside our remit',
      }),
      options: outOfScope.map((a) => ({
        value: a.key,
        label: intl.formatMessage(
          { id: 'meetings.addItem.outsideArea', defaultMessage: '{area} (outside our remit)' },
          { area: a.title },
        ),
      })),
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
      item.placement !== 'outside'
        ? intl.formatMessage(
            { id: 'meetings.addItem.added', defaultMessage: '“{title}” is added to the agenda.' },
            { title: item.title },
          )
        : item.takeInstead
          ? intl.formatMessage(
              {
                id: 'meetings.addItem.outsideTakeTo',
                defaultMessage:
                  '“{title}” is outside our remit, so it is listed under “Outside this meeting”: take it to {where}.',
              },
              { title: item.title, where: item.takeInstead },
            )
          : intl.formatMessage(
              {
                id: 'meetings.addItem.outside',
                defaultMessage:
                  '“{title}” is outside our remit, so it is listed under “Outside this meeting”.',
              },
              { title: item.title },
            );
    setAdded(words);
    announce(words);
    element.reset();
    onAdded();
  }

  return (
    <>
      <h3 id="add-item-heading">
        <FormattedMessage id="meetings.addItem.heading" defaultMessage="Add an item" />
      </h3>
      <Form
        id="add-item"
        state={form}
        labels={{
          title: intl.formatMessage({ id: 'meetings.addItem.title', defaultMessage: 'Item title' }),
          purpose: intl.formatMessage({
            id: 'meetings.addItem.purpose',
            defaultMessage: 'What is it for?',
          }),
          remitKey: intl.formatMessage({
            id: 'meetings.addItem.remit',
            defaultMessage: 'Which part of our remit does it serve?',
          }),
        }}
        onSubmit={add}
        labelledBy="add-item-heading"
      >
        <TextField name="title" autoComplete="off" />
        <TextArea
          name="purpose"
          hint={intl.formatMessage({
            id: 'meetings.addItem.purposeHint',
            defaultMessage: 'What the group should do with it: decide, discuss, hear an update.',
          })}
        />
        <SelectField
          name="remitKey"
          options={options}
          defaultValue=""
          hint={intl.formatMessage({
            id: 'meetings.addItem.remitHint',
            defaultMessage:
              'An item under an area outside our remit is listed outside this meeting, with where to take it instead.',
          })}
        />
        <SubmitButton busy={form.busy}>
          <FormattedMessage id="meetings.addItem.submit" defaultMessage="Add the item" />
        </SubmitButton>
      </Form>
      {added ? <p className="notice">{added}</p> : null}
    </>
  );
}
