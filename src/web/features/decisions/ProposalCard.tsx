import { useEffect, useRef, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { callVoteBody, updateProposalBody } from '../../../contracts/decisions.ts';
import { useAnnounce } from '../../components/Announcer.tsx';
import { useConfirm } from '../../components/Confirm.tsx';
import { Problem } from '../../components/Feedback.tsx';
import { Form, SubmitButton, TextArea, TextField } from '../../components/Form.tsx';
import { Link } from '../../components/Link.tsx';
import { api } from '../../lib/api.ts';
import { formatDateTime } from '../../lib/format.ts';
import { useFormState, validate, type FormValues } from '../../lib/forms.ts';
import { useAction } from './actions.ts';
import { hidden } from './Choices.tsx';
import { ClosingFields, closingTime } from './Closing.tsx';
import { ConsensusPanel } from './ConsensusPanel.tsx';
import {
  decisionsPage,
  proposalsApi,
  STAGE_LABELS,
  type Proposal,
  type RemitArea,
  type StepDone,
} from './types.ts';
import { VotePanel } from './VotePanel.tsx';

type Props = {
  proposal: Proposal;
  remitAreas: RemitArea[];
  /** Where the group meets, for a vote's closing time between meetings. */
  timeZone: string;
  onChanged: () => void;
};

/** One proposal, at whatever stage it has reached, with what you can do about it now. */
export function ProposalCard({ proposal, remitAreas, timeZone, onChanged }: Props) {
  const intl = useIntl();
  const { can, consensus, vote } = proposal;
  const area = remitAreas.find((a) => a.key === proposal.remitKey);
  const titleId = `proposal-${proposal.id}-title`;
  const stageLine = useRef<HTMLParagraphElement>(null);
  // After a chair's step (open, declare, call, close, withdraw) the control used is gone: once
  // the proposal's new state is here, focus goes to where it is said, or, on a tied vote with
  // a casting vote to give, to what the chair does next.
  const step = useRef<StepDone | null>(null);
  const [steps, setSteps] = useState(0);
  useEffect(() => {
    if (!step.current?.(proposal)) return;
    step.current = null;
    const { vote, consensus } = proposal;
    const at = (id: string) => document.getElementById(id);
    const target =
      vote?.outcome === 'tied' && proposal.can.closeVote
        ? at(`casting-${proposal.id}-title`)
        : vote && !vote.open
          ? at(`vote-outcome-${proposal.id}`)
          : !vote && consensus && !consensus.open
            ? at(`consensus-state-${proposal.id}`)
            : null;
    (target ?? stageLine.current)?.focus();
  }, [steps, proposal]);

  function stepTaken(done: StepDone) {
    step.current = done;
    setSteps((n) => n + 1);
    onChanged();
  }

  return (
    <li className="card proposal" aria-labelledby={titleId}>
      <h3 id={titleId} className="card-title">
        {proposal.title}
      </h3>
      <p ref={stageLine} tabIndex={-1} className={`stage stage-${proposal.stage}`}>
        {intl.formatMessage(STAGE_LABELS[proposal.stage])}
      </p>
      <p className="proposal-text">{proposal.text}</p>
      <dl className="facts">
        <dt>
          <FormattedMessage id="decisions.proposal.remit" defaultMessage="Remit area" />
        </dt>
        <dd>
          {area?.title ??
            proposal.remitKey ??
            intl.formatMessage({
              id: 'decisions.proposal.noRemit',
              defaultMessage: 'None in particular',
            })}
        </dd>
        <dt>
          <FormattedMessage id="decisions.proposal.raised" defaultMessage="Raised" />
        </dt>
        <dd>{formatDateTime(proposal.createdAt)}</dd>
        {proposal.closesAt ? (
          <>
            <dt>
              <FormattedMessage id="decisions.proposal.closes" defaultMessage="Closes" />
            </dt>
            <dd>{formatDateTime(proposal.closesAt)}</dd>
          </>
        ) : null}
      </dl>

      {can.edit || can.openConsensus ? (
        <DraftControls proposal={proposal} onChanged={onChanged} onStep={stepTaken} />
      ) : null}
      {consensus ? (
        <ConsensusPanel
          proposal={proposal}
          consensus={consensus}
          onChanged={onChanged}
          onStep={stepTaken}
        />
      ) : null}
      {proposal.stage === 'no_consensus' && can.callVote ? (
        <CallVote proposal={proposal} timeZone={timeZone} onCalled={stepTaken} />
      ) : null}
      {vote ? (
        <VotePanel proposal={proposal} vote={vote} onChanged={onChanged} onStep={stepTaken} />
      ) : null}
      {proposal.decisionId ? (
        <p className="decision-link">
          <Link to={decisionsPage(proposal.groupId, proposal.decisionId)}>
            <FormattedMessage
              id="decisions.proposal.readDecision"
              defaultMessage="Read the decision<hidden> on “{title}”</hidden>"
              values={{ title: proposal.title, hidden }}
            />
          </Link>
        </p>
      ) : null}
    </li>
  );
}

type DraftProps = {
  proposal: Proposal;
  /** After a change that leaves the proposal at the same stage. */
  onChanged: () => void;
  /** After a step that moves it on (the check opened, or it is withdrawn). */
  onStep: (done: StepDone) => void;
};

/** Before the consensus check: change or withdraw the proposal; a chair opens the check. */
function DraftControls({ proposal, onChanged, onStep }: DraftProps) {
  const intl = useIntl();
  const announce = useAnnounce();
  const open = useAction();
  const withdraw = useAction();
  const form = useFormState();
  const { confirm, dialog } = useConfirm();
  const path = proposalsApi(proposal.groupId, proposal.id);
  const title = proposal.title;

  function openCheck() {
    open.run(
      () => api.post(`${path}/consensus`, {}),
      () => {
        announce(
          intl.formatMessage(
            {
              id: 'decisions.draft.opened',
              defaultMessage: 'The consensus check on “{title}” is open.',
            },
            { title },
          ),
        );
        onStep((p) => p.consensus !== null && p.consensus !== undefined);
      },
    );
  }

  async function withdrawIt() {
    const go = await confirm({
      title: intl.formatMessage(
        { id: 'decisions.draft.withdrawTitle', defaultMessage: 'Withdraw “{title}”?' },
        { title },
      ),
      effect: (
        <p>
          <FormattedMessage
            id="decisions.draft.withdrawEffect"
            defaultMessage="It stays in the list, marked withdrawn, and the group can no longer answer it."
          />
        </p>
      ),
      confirmLabel: intl.formatMessage({
        id: 'decisions.draft.withdrawConfirm',
        defaultMessage: 'Withdraw the proposal',
      }),
    });
    if (!go) return;
    withdraw.run(
      () => api.patch(path, { withdrawn: true }),
      () => {
        announce(
          intl.formatMessage(
            { id: 'decisions.draft.withdrawn', defaultMessage: '“{title}” is withdrawn.' },
            { title },
          ),
        );
        onStep((p) => p.stage === 'withdrawn');
      },
    );
  }

  async function save(values: FormValues) {
    const body = validate(updateProposalBody, { title: values.title, text: values.text });
    await api.patch(path, body);
    announce(
      intl.formatMessage({
        id: 'decisions.draft.changed',
        defaultMessage: 'The proposal is changed.',
      }),
    );
    onChanged();
  }

  return (
    <div className="proposal-part">
      {proposal.can.openConsensus ? (
        <>
          <p>
            <FormattedMessage
              id="decisions.draft.whenDiscussed"
              defaultMessage="When the group has discussed it, the chair opens the consensus check."
            />
          </p>
          <button
            type="button"
            className="button"
            onClick={openCheck}
            aria-disabled={open.busy || undefined}
          >
            <FormattedMessage
              id="decisions.draft.open"
              defaultMessage="Open the consensus check<hidden> on “{title}”</hidden>"
              values={{ title, hidden }}
            />
          </button>
          <Problem error={open.problem} />
        </>
      ) : null}
      {proposal.can.edit ? (
        <>
          <details className="details">
            <summary>
              <FormattedMessage
                id="decisions.draft.change"
                defaultMessage="Change the proposal<hidden> “{title}”</hidden>"
                values={{ title, hidden }}
              />
            </summary>
            <Form
              id={`edit-${proposal.id}`}
              state={form}
              labels={{
                title: intl.formatMessage({
                  id: 'decisions.raise.title',
                  defaultMessage: 'Title of the proposal',
                }),
                text: intl.formatMessage({
                  id: 'decisions.raise.text',
                  defaultMessage: 'What do you propose?',
                }),
              }}
              onSubmit={save}
            >
              <TextField name="title" autoComplete="off" defaultValue={proposal.title} />
              <TextArea name="text" defaultValue={proposal.text} />
              <SubmitButton busy={form.busy}>
                <FormattedMessage id="decisions.draft.save" defaultMessage="Save the changes" />
              </SubmitButton>
            </Form>
          </details>
          <button
            type="button"
            className="button button-warning button-small"
            onClick={() => void withdrawIt()}
            aria-disabled={withdraw.busy || undefined}
          >
            <FormattedMessage
              id="decisions.draft.withdraw"
              defaultMessage="Withdraw the proposal<hidden> “{title}”</hidden>"
              values={{ title, hidden }}
            />
          </button>
          <Problem error={withdraw.problem} />
        </>
      ) : null}
      {dialog}
    </div>
  );
}

type CallVoteProps = {
  proposal: Proposal;
  timeZone: string;
  onCalled: (done: StepDone) => void;
};

/** Where there is no consensus: the chair can call a formal test, a vote of those eligible. */
function CallVote({ proposal, timeZone, onCalled }: CallVoteProps) {
  const intl = useIntl();
  const announce = useAnnounce();
  const form = useFormState();
  const betweenMeetings = proposal.meetingId === null;

  async function call(values: FormValues) {
    const closesAt = betweenMeetings ? closingTime(intl, values, timeZone) : undefined;
    const body = validate(callVoteBody, closesAt ? { closesAt } : {});
    await api.post(proposalsApi(proposal.groupId, proposal.id, '/vote'), body);
    announce(
      intl.formatMessage(
        { id: 'decisions.callVote.done', defaultMessage: 'A formal vote on “{title}” is open.' },
        { title: proposal.title },
      ),
    );
    onCalled((p) => p.vote !== null && p.vote !== undefined);
  }

  return (
    <div className="proposal-part chair-controls">
      <h4>
        <FormattedMessage
          id="decisions.callVote.heading"
          defaultMessage="A formal test of consensus"
        />
      </h4>
      <p>
        <FormattedMessage
          id="decisions.callVote.lead"
          defaultMessage="There is no consensus. You can call a formal vote: those our Terms of Reference say may vote, as they are now, can vote once each."
        />
      </p>
      <Form
        id={`call-vote-${proposal.id}`}
        state={form}
        labels={{
          closesAt: intl.formatMessage({
            id: 'decisions.callVote.closesOn',
            defaultMessage: 'Voting closes on',
          }),
          closesTime: intl.formatMessage({
            id: 'decisions.callVote.closesAt',
            defaultMessage: 'Voting closes at',
          }),
        }}
        otherNames={{
          voters: intl.formatMessage({ id: 'decisions.callVote.why', defaultMessage: 'Why:' }),
        }}
        onSubmit={call}
      >
        {betweenMeetings ? (
          <ClosingFields
            timeZone={timeZone}
            hint={intl.formatMessage({
              id: 'decisions.callVote.closingHint',
              defaultMessage: 'Leave empty and the vote stays open until a chair closes it.',
            })}
          />
        ) : null}
        <SubmitButton busy={form.busy}>
          <FormattedMessage
            id="decisions.callVote.submit"
            defaultMessage="Call a formal vote<hidden> on “{title}”</hidden>"
            values={{ title: proposal.title, hidden }}
          />
        </SubmitButton>
      </Form>
    </div>
  );
}
