import { callVoteBody, updateProposalBody } from '../../../contracts/decisions.ts';
import { useAnnounce } from '../../components/Announcer.tsx';
import { Problem } from '../../components/Feedback.tsx';
import { Form, SubmitButton, TextArea, TextField } from '../../components/Form.tsx';
import { Link } from '../../components/Link.tsx';
import { api } from '../../lib/api.ts';
import { formatDateTime } from '../../lib/format.ts';
import { useFormState, validate, type FormValues } from '../../lib/forms.ts';
import { useAction } from './actions.ts';
import { ClosingFields, closingTime } from './Closing.tsx';
import { ConsensusPanel } from './ConsensusPanel.tsx';
import {
  decisionsPage,
  proposalsApi,
  STAGE_LABELS,
  type Proposal,
  type RemitArea,
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
  const { can, consensus, vote } = proposal;
  const area = remitAreas.find((a) => a.key === proposal.remitKey);
  const titleId = `proposal-${proposal.id}-title`;
  return (
    <li className="card proposal" aria-labelledby={titleId}>
      <h3 id={titleId} className="card-title">
        {proposal.title}
      </h3>
      <p className={`stage stage-${proposal.stage}`}>{STAGE_LABELS[proposal.stage]}</p>
      <p className="proposal-text">{proposal.text}</p>
      <dl className="facts">
        <dt>Remit area</dt>
        <dd>{area?.title ?? proposal.remitKey ?? 'None in particular'}</dd>
        <dt>Raised</dt>
        <dd>{formatDateTime(proposal.createdAt)}</dd>
        {proposal.closesAt ? (
          <>
            <dt>Closes</dt>
            <dd>{formatDateTime(proposal.closesAt)}</dd>
          </>
        ) : null}
      </dl>

      {can.edit || can.openConsensus ? (
        <DraftControls proposal={proposal} onChanged={onChanged} />
      ) : null}
      {consensus ? (
        <ConsensusPanel proposal={proposal} consensus={consensus} onChanged={onChanged} />
      ) : null}
      {proposal.stage === 'no_consensus' && can.callVote ? (
        <CallVote proposal={proposal} timeZone={timeZone} onCalled={onChanged} />
      ) : null}
      {vote ? <VotePanel proposal={proposal} vote={vote} onChanged={onChanged} /> : null}
      {proposal.decisionId ? (
        <p className="decision-link">
          <Link to={decisionsPage(proposal.groupId, proposal.decisionId)}>
            Read the decision<span className="visually-hidden"> on “{proposal.title}”</span>
          </Link>
        </p>
      ) : null}
    </li>
  );
}

/** Before the consensus check: change or withdraw the proposal; a chair opens the check. */
function DraftControls({ proposal, onChanged }: { proposal: Proposal; onChanged: () => void }) {
  const announce = useAnnounce();
  const open = useAction();
  const withdraw = useAction();
  const form = useFormState();
  const path = proposalsApi(proposal.groupId, proposal.id);

  function openCheck() {
    open.run(
      () => api.post(`${path}/consensus`, {}),
      () => {
        announce(`The consensus check on “${proposal.title}” is open.`);
        onChanged();
      },
    );
  }

  function withdrawIt() {
    if (!window.confirm(`Withdraw “${proposal.title}”? It stays in the list, marked withdrawn.`)) {
      return;
    }
    withdraw.run(
      () => api.patch(path, { withdrawn: true }),
      () => {
        announce(`“${proposal.title}” is withdrawn.`);
        onChanged();
      },
    );
  }

  async function save(values: FormValues) {
    const body = validate(updateProposalBody, { title: values.title, text: values.text });
    await api.patch(path, body);
    announce('The proposal is changed.');
    onChanged();
  }

  return (
    <div className="proposal-part">
      {proposal.can.openConsensus ? (
        <>
          <p>When the group has discussed it, the chair opens the consensus check.</p>
          <button
            type="button"
            className="button"
            onClick={openCheck}
            aria-disabled={open.busy || undefined}
          >
            Open the consensus check
            <span className="visually-hidden"> on “{proposal.title}”</span>
          </button>
          <Problem error={open.problem} />
        </>
      ) : null}
      {proposal.can.edit ? (
        <>
          <details className="details">
            <summary>
              Change the proposal<span className="visually-hidden"> “{proposal.title}”</span>
            </summary>
            <Form
              id={`edit-${proposal.id}`}
              state={form}
              labels={{ title: 'Title of the proposal', text: 'What do you propose?' }}
              onSubmit={save}
            >
              <TextField name="title" autoComplete="off" defaultValue={proposal.title} />
              <TextArea name="text" defaultValue={proposal.text} />
              <SubmitButton busy={form.busy}>Save the changes</SubmitButton>
            </Form>
          </details>
          <button
            type="button"
            className="button button-warning button-small"
            onClick={withdrawIt}
            aria-disabled={withdraw.busy || undefined}
          >
            Withdraw the proposal<span className="visually-hidden"> “{proposal.title}”</span>
          </button>
          <Problem error={withdraw.problem} />
        </>
      ) : null}
    </div>
  );
}

type CallVoteProps = { proposal: Proposal; timeZone: string; onCalled: () => void };

/** Where there is no consensus: the chair can call a formal test, a vote of those eligible. */
function CallVote({ proposal, timeZone, onCalled }: CallVoteProps) {
  const announce = useAnnounce();
  const form = useFormState();
  const betweenMeetings = proposal.meetingId === null;

  async function call(values: FormValues) {
    const closesAt = betweenMeetings ? closingTime(values, timeZone) : undefined;
    const body = validate(callVoteBody, closesAt ? { closesAt } : {});
    await api.post(proposalsApi(proposal.groupId, proposal.id, '/vote'), body);
    announce(`A formal vote on “${proposal.title}” is open.`);
    onCalled();
  }

  return (
    <div className="proposal-part chair-controls">
      <h4>A formal test of consensus</h4>
      <p>
        There is no consensus. You can call a formal vote: those our Terms of Reference say may
        vote, as they are now, can vote once each.
      </p>
      <Form
        id={`call-vote-${proposal.id}`}
        state={form}
        labels={{ closesAt: 'Voting closes on', closesTime: 'Voting closes at' }}
        otherNames={{ voters: 'Why:' }}
        onSubmit={call}
      >
        {betweenMeetings ? (
          <ClosingFields
            timeZone={timeZone}
            hint="Leave empty and the vote stays open until a chair closes it."
          />
        ) : null}
        <SubmitButton busy={form.busy}>
          Call a formal vote<span className="visually-hidden"> on “{proposal.title}”</span>
        </SubmitButton>
      </Form>
    </div>
  );
}
