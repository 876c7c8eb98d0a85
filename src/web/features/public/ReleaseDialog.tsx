import { useRef, useState, type ReactNode } from 'react';
import { FormattedMessage, defineMessages, useIntl, type IntlShape } from 'react-intl';
import { useAnnounce } from '../../components/Announcer.tsx';
import { LoadProblem, Loading, Problem } from '../../components/Feedback.tsx';
import { Form, SelectField, SubmitButton, useField } from '../../components/Form.tsx';
import { api, ApiError, segment } from '../../lib/api.ts';
import { formatCalendarDate, formatDate, formatDayIn } from '../../lib/format.ts';
import { useFormState, type FormValues } from '../../lib/forms.ts';
import { useResource } from '../../lib/resource.ts';
import {
  groupApi,
  publicApi,
  type Decision,
  type DecisionList,
  type GroupLinkList,
  type ItemType,
  type Meeting,
  type MeetingList,
  type ProposalList,
  type Release,
  type ReleasedList,
  type TermsInForce,
} from './types.ts';
import './public.css';

type Props = {
  groupId: string;
  itemType: ItemType;
  /** For notes, the meeting's id. */
  itemId: string;
  /** What is released, in words, such as "the notes of the May meeting". */
  what: string;
  /** After a release or a withdrawal, for the page to show it. */
  onChanged?: () => void;
};

type Authority = { decisionId: string } | { agreedAtMeeting: string };

/** When a release proposal raised here closes for answers: a week from now. */
function aWeekFromNow(): string {
  return new Date(Date.now() + 7 * 86_400_000).toISOString();
}

/** The select's value ("decision:…" or "meeting:…") as the API takes it. */
function authorityFrom(intl: IntlShape, value: string | undefined): Authority {
  const [kind, id] = (value ?? '').split(':');
  if (kind === 'decision' && id) return { decisionId: id };
  if (kind === 'meeting' && id) return { agreedAtMeeting: id };
  throw new ApiError(
    422,
    'validation_failed',
    intl.formatMessage({
      id: 'releases.dialog.sayHow',
      defaultMessage: 'Say how the group agreed this.',
    }),
    {
      authority: intl.formatMessage({
        id: 'releases.dialog.authorityRequired',
        defaultMessage: 'is required: choose the decision, or the meeting where the group agreed',
      }),
    },
  );
}

/** The API names the decision or the meeting; on screen both are the one "authority" box. */
function aboutAuthority(error: unknown): unknown {
  if (!(error instanceof ApiError)) return error;
  const fields: Record<string, string> = {};
  for (const [name, message] of Object.entries(error.fields)) {
    const key = name === 'decisionId' || name === 'agreedAtMeeting' ? 'authority' : name;
    fields[key] ??= message;
  }
  return new ApiError(error.status, error.code, error.message, fields);
}

/**
 * A chair's "Release…": nothing leaves the group unless the group agreed to
 * release this item to this audience, in a release proposal it agreed (by a
 * recorded decision or, where the Terms of Reference allow, at the meeting on
 * whose agenda it was raised). The dialog raises such a proposal, releases
 * citing the agreement after a confirmation that states the effect, and lists
 * the item's current releases, each with "Withdraw" (which needs the group's
 * agreement to withdraw it). Whatever it does, once done the dialog closes,
 * focus goes back to "Release…", and what happened is said beside it and read
 * out.
 */
export function ReleaseDialog({ groupId, itemType, itemId, what, onChanged }: Props) {
  const announce = useAnnounce();
  const dialog = useRef<HTMLDialogElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const trigger = useRef<HTMLButtonElement>(null);
  const [open, setOpen] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const titleId = `release-${itemId}-title`;

  function show() {
    setDone(null);
    setOpen(true);
    dialog.current?.showModal();
    heading.current?.focus();
  }

  function closed() {
    setOpen(false);
    trigger.current?.focus();
  }

  return (
    <div className="release">
      <button
        ref={trigger}
        type="button"
        className="button button-secondary"
        aria-haspopup="dialog"
        onClick={show}
      >
        <FormattedMessage id="releases.dialog.open" defaultMessage="Release…" />
      </button>
      {/* Read out by the announcer; here for anyone who looks. */}
      {done ? <p className="release-done">{done}</p> : null}
      <dialog ref={dialog} className="release-dialog" aria-labelledby={titleId} onClose={closed}>
        <h2 id={titleId} ref={heading} tabIndex={-1}>
          <FormattedMessage
            id="releases.dialog.title"
            defaultMessage="Release {what}"
            values={{ what }}
          />
        </h2>
        {open ? (
          <ReleaseBody
            groupId={groupId}
            itemType={itemType}
            itemId={itemId}
            what={what}
            onChanged={onChanged}
            onDone={(message) => {
              setDone(message);
              announce(message);
              dialog.current?.close();
            }}
          />
        ) : null}
        <div className="actions">
          <button
            type="button"
            className="button button-secondary"
            onClick={() => dialog.current?.close()}
          >
            <FormattedMessage id="releases.dialog.close" defaultMessage="Close" />
          </button>
        </div>
      </dialog>
    </div>
  );
}

type BodyProps = {
  groupId: string;
  itemType: ItemType;
  itemId: string;
  what: string;
  onChanged: (() => void) | undefined;
  /** After a release, a withdrawal or a proposal raised: closes the dialog and says what was done. */
  onDone: (message: string) => void;
};

type Pending = { audience: 'public' | 'groups'; groupIds: string[]; authority: Authority };

function ReleaseBody({ groupId, itemType, itemId, what, onChanged, onDone }: BodyProps) {
  const intl = useIntl();
  const form = useFormState();
  const confirmForm = useFormState();
  const proposeForm = useFormState();
  const links = useResource<GroupLinkList>(groupApi(groupId, '/links'));
  const proposals = useResource<ProposalList>(groupApi(groupId, '/proposals'));
  const listed = useResource<ReleasedList>(publicApi(groupId));
  const decisions = useResource<DecisionList>(groupApi(groupId, '/decisions'));
  const terms = useResource<TermsInForce>(groupApi(groupId, '/terms'));
  const meetingsAllowed =
    terms.data?.version?.document.confidentiality.chairMayRecordAgreement === true;
  const meetings = useResource<MeetingList>(
    meetingsAllowed ? groupApi(groupId, '/meetings?when=past') : null,
  );
  const [withdrawing, setWithdrawing] = useState<string | null>(null);
  const [pending, setPending] = useState<Pending | null>(null);

  const error = links.error ?? proposals.error ?? listed.error ?? decisions.error ?? terms.error;
  if (error) {
    return (
      <LoadProblem
        error={error}
        retry={() => {
          links.reload();
          proposals.reload();
          listed.reload();
          decisions.reload();
          terms.reload();
        }}
      />
    );
  }
  if (!links.data || !proposals.data || !listed.data || !decisions.data || !terms.data)
    return <Loading />;

  const linked = links.data.linked.map((l) => ({ id: l.groupId, name: l.name }));
  // Only decisions whose release proposal named this item, and not yet used.
  const authorising = (action: 'release' | 'withdraw') =>
    new Set(
      (proposals.data?.proposals ?? [])
        .filter(
          (p) =>
            p.decisionId &&
            p.release?.action === action &&
            p.release.items.some((i) => !i.used && i.itemType === itemType && i.itemId === itemId),
        )
        .map((p) => p.decisionId),
    );
  const byNumber = decisions.data.decisions
    .filter((d) => d.outcome === 'agreed')
    .sort((a, b) => b.number - a.number);
  const toRelease = authorising('release');
  const toWithdraw = authorising('withdraw');
  const agreed = byNumber.filter((d) => toRelease.has(d.id));
  const agreedToWithdraw = byNumber.filter((d) => toWithdraw.has(d.id));
  const held = (meetings.data?.meetings ?? []).filter((m) => m.status === 'scheduled');
  const current = (listed.data.releases ?? []).filter(
    (r) => r.itemType === itemType && r.itemId === itemId && r.withdrawnAt === null,
  );
  const names = new Map(linked.map((g) => [g.id, g.name]));

  function changed(message: string) {
    listed.reload();
    proposals.reload();
    onChanged?.();
    onDone(message);
  }

  function audienceOf(values: FormValues, element: HTMLFormElement) {
    const audience: 'public' | 'groups' = values.audience === 'groups' ? 'groups' : 'public';
    const groupIds = new FormData(element)
      .getAll('groupIds')
      .filter((v): v is string => typeof v === 'string');
    if (audience === 'groups' && groupIds.length === 0) {
      throw new ApiError(
        422,
        'validation_failed',
        intl.formatMessage({
          id: 'releases.dialog.nameGroups',
          defaultMessage: 'Name the linked groups that may read it.',
        }),
        {
          groupIds: intl.formatMessage({
            id: 'releases.dialog.nameGroupsField',
            defaultMessage: 'name at least one linked group',
          }),
        },
      );
    }
    return { audience, groupIds: audience === 'groups' ? groupIds : [] };
  }

  function effectOf(p: Pick<Pending, 'audience' | 'groupIds'>): string {
    if (p.audience === 'public')
      return intl.formatMessage(
        {
          id: 'releases.dialog.effectPublic',
          defaultMessage: 'This makes {what} visible to anyone on the public page.',
        },
        { what },
      );
    const to = intl.formatList(p.groupIds.map((id) => names.get(id) ?? aLinkedGroup(intl)));
    return intl.formatMessage(
      {
        id: 'releases.dialog.effectGroups',
        defaultMessage:
          'This offers {what} to {to}: their people see it once one of their chairs accepts.',
      },
      { what, to },
    );
  }

  /** The first step: check the choices, then ask to confirm. */
  async function release(values: FormValues, element: HTMLFormElement) {
    const chosen = audienceOf(values, element);
    const authority = (() => {
      try {
        return authorityFrom(intl, values.authority);
      } catch (problem) {
        throw aboutAuthority(problem);
      }
    })();
    setPending({ ...chosen, authority });
  }

  async function confirm() {
    if (!pending) return;
    try {
      await api.post(groupApi(groupId, '/releases'), {
        itemType,
        itemId,
        audience: pending.audience,
        groupIds: pending.groupIds,
        ...pending.authority,
      });
    } catch (problem) {
      throw aboutAuthority(problem);
    }
    const message =
      pending.audience === 'public'
        ? intl.formatMessage(
            {
              id: 'releases.dialog.released',
              defaultMessage: 'Released: {what} is on the public page.',
            },
            { what },
          )
        : intl.formatMessage(
            {
              id: 'releases.dialog.offered',
              defaultMessage: 'Offered: {what} is offered to the linked groups.',
            },
            { what },
          );
    // Shown, and read out, beside the "Release…" button once the dialog closes.
    setPending(null);
    changed(message);
  }

  async function propose(values: FormValues, element: HTMLFormElement) {
    const chosen = audienceOf(values, element);
    const title = intl
      .formatMessage({ id: 'releases.dialog.title', defaultMessage: 'Release {what}' }, { what })
      .slice(0, 200);
    await api.post(groupApi(groupId, '/proposals'), {
      title,
      text: intl.formatMessage(
        { id: 'releases.propose.text', defaultMessage: '{effect} The group is asked to agree.' },
        { effect: effectOf(chosen) },
      ),
      closesAt: aWeekFromNow(),
      release: { action: 'release', items: [{ itemType, itemId }], ...chosen },
    });
    element.reset();
    changed(
      intl.formatMessage({
        id: 'releases.propose.raised',
        defaultMessage:
          'Release proposal raised: the group can now agree it under Decisions. When it does, release it here naming that decision.',
      }),
    );
  }

  return (
    <>
      <p>
        {meetingsAllowed ? (
          <FormattedMessage
            id="releases.dialog.leadMeetings"
            defaultMessage="Nothing leaves the group unless the group agreed to release this item to this audience: raise a release proposal for the group to decide, then name the decision that agreed it, or the meeting on whose agenda the group agreed it. Each agreement is used once."
          />
        ) : (
          <FormattedMessage
            id="releases.dialog.lead"
            defaultMessage="Nothing leaves the group unless the group agreed to release this item to this audience: raise a release proposal for the group to decide, then name the decision that agreed it. Each agreement is used once."
          />
        )}
      </p>

      <h3 id={`current-${itemId}`}>
        <FormattedMessage id="releases.dialog.current" defaultMessage="Released now" />
      </h3>
      {current.length === 0 ? (
        <p>
          <FormattedMessage
            id="releases.dialog.notReleased"
            defaultMessage="It has not been released."
          />
        </p>
      ) : null}
      {current.length > 0 ? (
        <ul className="item-list" aria-labelledby={`current-${itemId}`}>
          {current.map((r) => (
            <li key={r.id} className="item release-item">
              <div className="item-main">
                <p>{describe(intl, r, names, byNumber, held)}</p>
              </div>
              {withdrawing === r.id ? (
                <Withdraw
                  groupId={groupId}
                  release={r}
                  agreed={agreedToWithdraw}
                  held={held}
                  allowMeetings={meetingsAllowed}
                  onDone={(message) => {
                    setWithdrawing(null);
                    changed(message);
                  }}
                  onCancel={() => setWithdrawing(null)}
                />
              ) : (
                <button
                  type="button"
                  className="button button-warning button-small"
                  onClick={() => setWithdrawing(r.id)}
                  aria-label={intl.formatMessage(
                    { id: 'releases.dialog.withdrawLabel', defaultMessage: 'Withdraw: {release}' },
                    { release: describe(intl, r, names, byNumber, held) },
                  )}
                >
                  <FormattedMessage id="releases.dialog.withdraw" defaultMessage="Withdraw" />
                </button>
              )}
            </li>
          ))}
        </ul>
      ) : null}

      <h3 id={`new-${itemId}`}>
        <FormattedMessage id="releases.dialog.releaseHeading" defaultMessage="Release it" />
      </h3>
      {pending ? (
        <Form
          id={`confirm-release-${itemId}`}
          state={confirmForm}
          labels={{
            authority: intl.formatMessage(LABELS.authority),
            groupIds: intl.formatMessage(LABELS.groupIds),
            itemId: intl.formatMessage(LABELS.itemId),
          }}
          onSubmit={confirm}
          labelledBy={`new-${itemId}`}
        >
          <p className="release-effect">{effectOf(pending)}</p>
          <div className="actions">
            <SubmitButton busy={confirmForm.busy}>
              <FormattedMessage id="releases.dialog.confirm" defaultMessage="Yes, release it" />
            </SubmitButton>
            <button type="button" className="button button-link" onClick={() => setPending(null)}>
              <FormattedMessage id="releases.dialog.goBack" defaultMessage="Go back" />
            </button>
          </div>
        </Form>
      ) : (
        <Form
          id={`release-${itemId}`}
          state={form}
          labels={{
            audience: intl.formatMessage(LABELS.audience),
            groupIds: intl.formatMessage(LABELS.groupIds),
            authority: intl.formatMessage(LABELS.authority),
          }}
          onSubmit={release}
          labelledBy={`new-${itemId}`}
        >
          <Audience linked={linked} />
          <AuthorityField agreed={agreed} held={held} allowMeetings={meetingsAllowed} />
          <SubmitButton busy={form.busy}>
            <FormattedMessage id="releases.dialog.release" defaultMessage="Release" />
          </SubmitButton>
        </Form>
      )}

      <h3 id={`propose-${itemId}`}>
        <FormattedMessage id="releases.propose.heading" defaultMessage="Ask the group to agree" />
      </h3>
      <Form
        id={`propose-release-${itemId}`}
        state={proposeForm}
        labels={{
          audience: intl.formatMessage(LABELS.audience),
          groupIds: intl.formatMessage(LABELS.groupIds),
          'release.groupIds': intl.formatMessage(LABELS.groupIds),
        }}
        onSubmit={propose}
        labelledBy={`propose-${itemId}`}
      >
        <Audience linked={linked} />
        <SubmitButton busy={proposeForm.busy}>
          <FormattedMessage
            id="releases.propose.submit"
            defaultMessage="Raise a release proposal"
          />
        </SubmitButton>
      </Form>
    </>
  );
}

const LABELS = defineMessages({
  authority: { id: 'releases.dialog.authority', defaultMessage: 'How did the group agree?' },
  groupIds: { id: 'releases.dialog.groupIds', defaultMessage: 'Which linked groups?' },
  itemId: { id: 'releases.dialog.item', defaultMessage: 'The item' },
  audience: { id: 'releases.dialog.audience', defaultMessage: 'Who may read it?' },
});

function aLinkedGroup(intl: IntlShape): string {
  return intl.formatMessage({
    id: 'releases.dialog.aLinkedGroup',
    defaultMessage: 'a linked group',
  });
}

function describe(
  intl: IntlShape,
  r: Release,
  names: Map<string, string>,
  agreed: Decision[],
  held: Meeting[],
): string {
  const since = formatDate(r.releasedAt);
  const to =
    r.audience === 'public'
      ? intl.formatMessage(
          { id: 'releases.describe.public', defaultMessage: 'To the public page, since {since}' },
          { since },
        )
      : intl.formatMessage(
          { id: 'releases.describe.groups', defaultMessage: 'To {groups}, since {since}' },
          {
            groups: intl.formatList(r.groupIds.map((id) => names.get(id) ?? aLinkedGroup(intl))),
            since,
          },
        );
  if (r.decisionId) {
    const decision = agreed.find((d) => d.id === r.decisionId);
    return decision
      ? intl.formatMessage(
          {
            id: 'releases.describe.byDecision',
            defaultMessage: '{to}, by decision {number}: {title}.',
          },
          { to, number: decision.number, title: decision.title },
        )
      : intl.formatMessage(
          { id: 'releases.describe.byADecision', defaultMessage: '{to}, by a decision.' },
          { to },
        );
  }
  if (r.agreedAtMeeting) {
    const meeting = held.find((m) => m.id === r.agreedAtMeeting);
    return meeting
      ? intl.formatMessage(
          {
            id: 'releases.describe.atMeeting',
            defaultMessage: '{to}, agreed at {meeting}, {day}.',
          },
          {
            to,
            meeting: meeting.title,
            day: formatDayIn(meeting.startsAt, meeting.timeZone),
          },
        )
      : intl.formatMessage(
          { id: 'releases.describe.atAMeeting', defaultMessage: '{to}, agreed at a meeting.' },
          { to },
        );
  }
  return intl.formatMessage({ id: 'releases.describe.plain', defaultMessage: '{to}.' }, { to });
}

function Audience({ linked }: { linked: { id: string; name: string }[] }) {
  const audience = useField('audience', undefined);
  const groups = useField('groupIds', undefined);
  return (
    <>
      <fieldset className="release-fieldset field">
        <legend className="label">{audience.label}</legend>
        <div className="release-choice">
          <input id={audience.id} type="radio" name="audience" value="public" defaultChecked />
          <label htmlFor={audience.id}>
            <FormattedMessage
              id="releases.audience.public"
              defaultMessage="Anyone: the group’s public page"
            />
          </label>
        </div>
        {linked.length > 0 ? (
          <div className="release-choice">
            <input id={`${audience.id}-groups`} type="radio" name="audience" value="groups" />
            <label htmlFor={`${audience.id}-groups`}>
              <FormattedMessage
                id="releases.audience.groups"
                defaultMessage="Only the linked groups named below"
              />
            </label>
          </div>
        ) : null}
      </fieldset>
      {linked.length > 0 ? (
        <fieldset
          className={
            groups.error ? 'release-fieldset field field-has-error' : 'release-fieldset field'
          }
          aria-describedby={groups.errorId}
        >
          <legend className="label">{groups.label}</legend>
          {groups.error ? (
            <p id={groups.errorId} className="error-message">
              <FormattedMessage
                id="releases.audience.error"
                defaultMessage="<hidden>Error:</hidden> {label} {error}"
                values={{
                  label: groups.label,
                  error: groups.error,
                  hidden: (chunks: ReactNode[]) => (
                    <span className="visually-hidden">{chunks} </span>
                  ),
                }}
              />
            </p>
          ) : null}
          {linked.map((g, index) => {
            const id = index === 0 ? groups.id : `${groups.id}-${segment(g.id)}`;
            return (
              <div key={g.id} className="release-choice">
                <input id={id} type="checkbox" name="groupIds" value={g.id} />
                <label htmlFor={id}>{g.name}</label>
              </div>
            );
          })}
        </fieldset>
      ) : null}
    </>
  );
}

function AuthorityField({
  agreed,
  held,
  allowMeetings,
  none: noneHint,
}: {
  agreed: Decision[];
  held: Meeting[];
  allowMeetings: boolean;
  /** What to say when there is no agreement to name. */
  none?: string;
}) {
  const intl = useIntl();
  const none = agreed.length === 0 && (!allowMeetings || held.length === 0);
  return (
    <SelectField
      name="authority"
      hint={
        none
          ? (noneHint ??
            intl.formatMessage({
              id: 'releases.authority.none',
              defaultMessage:
                'No agreed release proposal names this item yet. Raise one below for the group to decide.',
            }))
          : allowMeetings
            ? intl.formatMessage({
                id: 'releases.authority.hintMeetings',
                defaultMessage:
                  'A recorded decision of the group, or the meeting where the group agreed it.',
              })
            : intl.formatMessage({
                id: 'releases.authority.hint',
                defaultMessage: 'A recorded decision of the group that agreed it.',
              })
      }
      options={[
        {
          value: '',
          label: intl.formatMessage({ id: 'releases.authority.choose', defaultMessage: 'Choose' }),
        },
        ...(agreed.length > 0
          ? [
              {
                group: intl.formatMessage({
                  id: 'releases.authority.decisions',
                  defaultMessage: 'Decisions that agreed to this',
                }),
                options: agreed.map((d) => ({
                  value: `decision:${d.id}`,
                  label: intl.formatMessage(
                    {
                      id: 'releases.authority.decision',
                      defaultMessage: 'Decision {number}: {title} ({date})',
                    },
                    { number: d.number, title: d.title, date: formatCalendarDate(d.decidedOn) },
                  ),
                })),
              },
            ]
          : []),
        ...(allowMeetings && held.length > 0
          ? [
              {
                group: intl.formatMessage({
                  id: 'releases.authority.meetings',
                  defaultMessage: 'Agreed at a meeting (a chair records it)',
                }),
                options: held.map((m) => ({
                  value: `meeting:${m.id}`,
                  label: intl.formatMessage(
                    { id: 'releases.authority.meeting', defaultMessage: '{meeting}, {day}' },
                    { meeting: m.title, day: formatDayIn(m.startsAt, m.timeZone) },
                  ),
                })),
              },
            ]
          : []),
      ]}
    />
  );
}

type WithdrawProps = {
  groupId: string;
  release: Release;
  agreed: Decision[];
  held: Meeting[];
  allowMeetings: boolean;
  /** After the withdrawal, or a proposal to withdraw raised: what to say. */
  onDone: (message: string) => void;
  onCancel: () => void;
};

/** Withdrawing goes the same way as releasing: by the group's agreement to withdraw it. */
function Withdraw({
  groupId,
  release,
  agreed,
  held,
  allowMeetings,
  onDone,
  onCancel,
}: WithdrawProps) {
  const intl = useIntl();
  const form = useFormState();
  const [askProblem, setAskProblem] = useState<ApiError | null>(null);

  /** A proposal that the group withdraw this release, for it to decide. */
  async function askToWithdraw() {
    setAskProblem(null);
    try {
      await api.post(groupApi(groupId, '/proposals'), {
        title: intl.formatMessage({
          id: 'releases.withdraw.proposalTitle',
          defaultMessage: 'Withdraw a release',
        }),
        text: intl.formatMessage(
          {
            id: 'releases.withdraw.proposalText',
            defaultMessage:
              'Withdraw this release: {audience, select, public {from the public page} other {from the linked groups}}. The group is asked to agree.',
          },
          { audience: release.audience },
        ),
        closesAt: aWeekFromNow(),
        release: {
          action: 'withdraw',
          items: [{ itemType: release.itemType, itemId: release.itemId }],
          audience: release.audience,
        },
      });
    } catch (problem) {
      setAskProblem(problem instanceof ApiError ? problem : null);
      return;
    }
    onDone(
      intl.formatMessage({
        id: 'releases.withdraw.asked',
        defaultMessage: 'Proposal to withdraw raised: the group can now agree it under Decisions.',
      }),
    );
  }

  async function withdraw(values: FormValues) {
    try {
      const authority = authorityFrom(intl, values.authority);
      await api.post(groupApi(groupId, `/releases/${segment(release.id)}/withdraw`), authority);
    } catch (problem) {
      throw aboutAuthority(problem);
    }
    onDone(
      intl.formatMessage({
        id: 'releases.withdraw.done',
        defaultMessage: 'The release is withdrawn.',
      }),
    );
  }

  return (
    <div className="release-withdraw">
      <Form
        id={`withdraw-${release.id}`}
        state={form}
        labels={{
          authority: intl.formatMessage({
            id: 'releases.withdraw.authority',
            defaultMessage: 'How did the group agree to withdraw it?',
          }),
        }}
        onSubmit={withdraw}
      >
        <AuthorityField
          agreed={agreed}
          held={held}
          allowMeetings={allowMeetings}
          none={intl.formatMessage({
            id: 'releases.withdraw.none',
            defaultMessage: 'No agreed proposal to withdraw it yet: ask the group below.',
          })}
        />
        <div className="actions">
          <SubmitButton busy={form.busy}>
            <FormattedMessage id="releases.withdraw.submit" defaultMessage="Withdraw the release" />
          </SubmitButton>
          <button type="button" className="button button-link" onClick={onCancel}>
            <FormattedMessage id="releases.withdraw.cancel" defaultMessage="Cancel" />
          </button>
        </div>
      </Form>
      <Problem error={askProblem} />
      <button
        type="button"
        className="button button-secondary button-small"
        onClick={() => void askToWithdraw()}
      >
        <FormattedMessage
          id="releases.withdraw.ask"
          defaultMessage="Ask the group to agree to withdraw it"
        />
      </button>
    </div>
  );
}
