import { useRef, useState } from 'react';
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
function authorityFrom(value: string | undefined): Authority {
  const [kind, id] = (value ?? '').split(':');
  if (kind === 'decision' && id) return { decisionId: id };
  if (kind === 'meeting' && id) return { agreedAtMeeting: id };
  throw new ApiError(422, 'validation_failed', 'Say how the group agreed this.', {
    authority: 'is required: choose the decision, or the meeting where the group agreed',
  });
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
 * agreement to withdraw it).
 */
export function ReleaseDialog({ groupId, itemType, itemId, what, onChanged }: Props) {
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
        Release…
      </button>
      {done ? (
        <p className="release-done" role="status">
          {done}
        </p>
      ) : null}
      <dialog ref={dialog} className="release-dialog" aria-labelledby={titleId} onClose={closed}>
        <h2 id={titleId} ref={heading} tabIndex={-1}>
          Release {what}
        </h2>
        {open ? (
          <ReleaseBody
            groupId={groupId}
            itemType={itemType}
            itemId={itemId}
            what={what}
            onChanged={onChanged}
            onReleased={(message) => {
              setDone(message);
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
            Close
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
  /** After a release: closes the dialog and shows the message. */
  onReleased: (message: string) => void;
};

type Pending = { audience: 'public' | 'groups'; groupIds: string[]; authority: Authority };

function ReleaseBody({ groupId, itemType, itemId, what, onChanged, onReleased }: BodyProps) {
  const announce = useAnnounce();
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
  const [proposed, setProposed] = useState(false);

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
    announce(message);
    listed.reload();
    proposals.reload();
    onChanged?.();
  }

  function audienceOf(values: FormValues, element: HTMLFormElement) {
    const audience: 'public' | 'groups' = values.audience === 'groups' ? 'groups' : 'public';
    const groupIds = new FormData(element)
      .getAll('groupIds')
      .filter((v): v is string => typeof v === 'string');
    if (audience === 'groups' && groupIds.length === 0) {
      throw new ApiError(422, 'validation_failed', 'Name the linked groups that may read it.', {
        groupIds: 'name at least one linked group',
      });
    }
    return { audience, groupIds: audience === 'groups' ? groupIds : [] };
  }

  function effectOf(p: Pick<Pending, 'audience' | 'groupIds'>): string {
    if (p.audience === 'public') return `This makes ${what} visible to anyone on the public page.`;
    const to = p.groupIds.map((id) => names.get(id) ?? 'a linked group').join(', ');
    return `This offers ${what} to ${to}: their people see it once one of their chairs accepts.`;
  }

  /** The first step: check the choices, then ask to confirm. */
  async function release(values: FormValues, element: HTMLFormElement) {
    const chosen = audienceOf(values, element);
    const authority = (() => {
      try {
        return authorityFrom(values.authority);
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
    listed.reload();
    proposals.reload();
    onChanged?.();
    const message =
      pending.audience === 'public'
        ? `Released: ${what} is on the public page.`
        : `Offered: ${what} is offered to the linked groups.`;
    // Shown, and read out, beside the "Release…" button once the dialog closes.
    setPending(null);
    onReleased(message);
  }

  async function propose(values: FormValues, element: HTMLFormElement) {
    const chosen = audienceOf(values, element);
    const title = `Release ${what}`.slice(0, 200);
    await api.post(groupApi(groupId, '/proposals'), {
      title,
      text: `${effectOf(chosen)} The group is asked to agree.`,
      closesAt: aWeekFromNow(),
      release: { action: 'release', items: [{ itemType, itemId }], ...chosen },
    });
    element.reset();
    setProposed(true);
    proposals.reload();
    announce('Release proposal raised: the group can now agree it under Decisions.');
  }

  return (
    <>
      <p>
        Nothing leaves the group unless the group agreed to release this item to this audience:
        raise a release proposal for the group to decide, then name the decision that agreed it
        {meetingsAllowed ? ', or the meeting on whose agenda the group agreed it' : ''}. Each
        agreement is used once.
      </p>

      <h3 id={`current-${itemId}`}>Released now</h3>
      {current.length === 0 ? <p>It has not been released.</p> : null}
      {current.length > 0 ? (
        <ul className="item-list" aria-labelledby={`current-${itemId}`}>
          {current.map((r) => (
            <li key={r.id} className="item release-item">
              <div className="item-main">
                <p>{describe(r, names, byNumber, held)}</p>
              </div>
              {withdrawing === r.id ? (
                <Withdraw
                  groupId={groupId}
                  release={r}
                  agreed={agreedToWithdraw}
                  held={held}
                  allowMeetings={meetingsAllowed}
                  onDone={() => {
                    setWithdrawing(null);
                    changed('The release is withdrawn.');
                  }}
                  onCancel={() => setWithdrawing(null)}
                />
              ) : (
                <button
                  type="button"
                  className="button button-warning button-small"
                  onClick={() => setWithdrawing(r.id)}
                  aria-label={`Withdraw: ${describe(r, names, byNumber, held)}`}
                >
                  Withdraw
                </button>
              )}
            </li>
          ))}
        </ul>
      ) : null}

      <h3 id={`new-${itemId}`}>Release it</h3>
      {pending ? (
        <Form
          id={`confirm-release-${itemId}`}
          state={confirmForm}
          labels={{
            authority: 'How did the group agree?',
            groupIds: 'Which linked groups?',
            itemId: 'The item',
          }}
          onSubmit={confirm}
          labelledBy={`new-${itemId}`}
        >
          <p className="release-effect">{effectOf(pending)}</p>
          <div className="actions">
            <SubmitButton busy={confirmForm.busy}>Yes, release it</SubmitButton>
            <button type="button" className="button button-link" onClick={() => setPending(null)}>
              Go back
            </button>
          </div>
        </Form>
      ) : (
        <Form
          id={`release-${itemId}`}
          state={form}
          labels={{
            audience: 'Who may read it?',
            groupIds: 'Which linked groups?',
            authority: 'How did the group agree?',
          }}
          onSubmit={release}
          labelledBy={`new-${itemId}`}
        >
          <Audience linked={linked} />
          <AuthorityField agreed={agreed} held={held} allowMeetings={meetingsAllowed} />
          <SubmitButton busy={form.busy}>Release</SubmitButton>
        </Form>
      )}

      <h3 id={`propose-${itemId}`}>Ask the group to agree</h3>
      {proposed ? (
        <p>Release proposal raised. When the group agrees it, its decision can be named above.</p>
      ) : null}
      <Form
        id={`propose-release-${itemId}`}
        state={proposeForm}
        labels={{
          audience: 'Who may read it?',
          groupIds: 'Which linked groups?',
          'release.groupIds': 'Which linked groups?',
        }}
        onSubmit={propose}
        labelledBy={`propose-${itemId}`}
      >
        <Audience linked={linked} />
        <SubmitButton busy={proposeForm.busy}>Raise a release proposal</SubmitButton>
      </Form>
    </>
  );
}

function describe(
  r: Release,
  names: Map<string, string>,
  agreed: Decision[],
  held: Meeting[],
): string {
  const to =
    r.audience === 'public'
      ? 'To the public page'
      : `To ${r.groupIds.map((id) => names.get(id) ?? 'a linked group').join(', ')}`;
  let by = '';
  if (r.decisionId) {
    const decision = agreed.find((d) => d.id === r.decisionId);
    by = decision ? `, by decision ${decision.number}: ${decision.title}` : ', by a decision';
  } else if (r.agreedAtMeeting) {
    const meeting = held.find((m) => m.id === r.agreedAtMeeting);
    by = meeting
      ? `, agreed at ${meeting.title}, ${formatDayIn(meeting.startsAt, meeting.timeZone)}`
      : ', agreed at a meeting';
  }
  return `${to}, since ${formatDate(r.releasedAt)}${by}.`;
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
          <label htmlFor={audience.id}>Anyone: the group’s public page</label>
        </div>
        {linked.length > 0 ? (
          <div className="release-choice">
            <input id={`${audience.id}-groups`} type="radio" name="audience" value="groups" />
            <label htmlFor={`${audience.id}-groups`}>Only the linked groups named below</label>
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
              <span className="visually-hidden">Error: </span>
              {groups.label} {groups.error}
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
  none: noneHint = 'No agreed release proposal names this item yet. Raise one below for the group to decide.',
}: {
  agreed: Decision[];
  held: Meeting[];
  allowMeetings: boolean;
  /** What to say when there is no agreement to name. */
  none?: string;
}) {
  const none = agreed.length === 0 && (!allowMeetings || held.length === 0);
  return (
    <SelectField
      name="authority"
      hint={
        none
          ? noneHint
          : allowMeetings
            ? 'A recorded decision of the group, or the meeting where the group agreed it.'
            : 'A recorded decision of the group that agreed it.'
      }
      options={[
        { value: '', label: 'Choose' },
        ...(agreed.length > 0
          ? [
              {
                group: 'Decisions that agreed to this',
                options: agreed.map((d) => ({
                  value: `decision:${d.id}`,
                  label: `Decision ${d.number}: ${d.title} (${formatCalendarDate(d.decidedOn)})`,
                })),
              },
            ]
          : []),
        ...(allowMeetings && held.length > 0
          ? [
              {
                group: 'Agreed at a meeting (a chair records it)',
                options: held.map((m) => ({
                  value: `meeting:${m.id}`,
                  label: `${m.title}, ${formatDayIn(m.startsAt, m.timeZone)}`,
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
  onDone: () => void;
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
  const form = useFormState();
  const announce = useAnnounce();
  const [asked, setAsked] = useState(false);
  const [askProblem, setAskProblem] = useState<ApiError | null>(null);

  /** A proposal that the group withdraw this release, for it to decide. */
  async function askToWithdraw() {
    setAskProblem(null);
    try {
      await api.post(groupApi(groupId, '/proposals'), {
        title: 'Withdraw a release',
        text: `Withdraw this release: ${release.audience === 'public' ? 'from the public page' : 'from the linked groups'}. The group is asked to agree.`,
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
    setAsked(true);
    announce('Proposal to withdraw raised: the group can now agree it under Decisions.');
  }

  async function withdraw(values: FormValues) {
    try {
      const authority = authorityFrom(values.authority);
      await api.post(groupApi(groupId, `/releases/${segment(release.id)}/withdraw`), authority);
    } catch (problem) {
      throw aboutAuthority(problem);
    }
    onDone();
  }

  return (
    <div className="release-withdraw">
      <Form
        id={`withdraw-${release.id}`}
        state={form}
        labels={{ authority: 'How did the group agree to withdraw it?' }}
        onSubmit={withdraw}
      >
        <AuthorityField
          agreed={agreed}
          held={held}
          allowMeetings={allowMeetings}
          none="No agreed proposal to withdraw it yet: ask the group below."
        />
        <div className="actions">
          <SubmitButton busy={form.busy}>Withdraw the release</SubmitButton>
          <button type="button" className="button button-link" onClick={onCancel}>
            Cancel
          </button>
        </div>
      </Form>
      <Problem error={askProblem} />
      {asked ? (
        <p>Proposal to withdraw raised: the group decides it under Decisions.</p>
      ) : (
        <button
          type="button"
          className="button button-secondary button-small"
          onClick={() => void askToWithdraw()}
        >
          Ask the group to agree to withdraw it
        </button>
      )}
    </div>
  );
}
