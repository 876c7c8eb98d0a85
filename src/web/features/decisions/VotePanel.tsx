import { useState } from 'react';
import { castBallotBody, closeVoteBody } from '../../../contracts/decisions.ts';
import { useAnnounce } from '../../components/Announcer.tsx';
import { useConfirm } from '../../components/Confirm.tsx';
import { Problem } from '../../components/Feedback.tsx';
import { Form, SubmitButton, TextField } from '../../components/Form.tsx';
import { api } from '../../lib/api.ts';
import { formatDateTime } from '../../lib/format.ts';
import { useFormState, validate, withoutEmpty, type FormValues } from '../../lib/forms.ts';
import { useAction } from './actions.ts';
import { TallyList } from './Answers.tsx';
import { Confirmation, RadioGroup } from './Choices.tsx';
import {
  CHOICE_LABELS,
  people,
  proposalsApi,
  VOTE_OUTCOMES,
  type CastBallotResult,
  type Proposal,
  type Vote,
} from './types.ts';

type Props = { proposal: Proposal; vote: Vote; onChanged: () => void };

const BALLOT = [
  { value: 'yes', label: CHOICE_LABELS.yes, hint: 'For the proposal.' },
  { value: 'no', label: CHOICE_LABELS.no, hint: 'Against the proposal.' },
  { value: 'abstain', label: CHOICE_LABELS.abstain, hint: 'Neither for nor against.' },
];

/**
 * The formal test of consensus: who may vote (fixed when it opened), the
 * quorum, your eligibility and ballot, how many have voted (never how) while
 * it is open, and the count and outcome once it closes.
 */
export function VotePanel({ proposal, vote, onChanged }: Props) {
  const [confirmed, setConfirmed] = useState<string | null>(null);
  const [receipt, setReceipt] = useState<string | null>(null);
  const { can } = proposal;
  // The ballot goes as soon as it is confirmed, not only when the refetch lands.
  const voted = vote.iHaveVoted || confirmed !== null;
  const mayBallot = can.vote && vote.open && (!voted || vote.mayChange);

  return (
    <div className="proposal-part">
      <h4>Formal vote</h4>
      <p>
        {vote.open
          ? `The vote opened on ${formatDateTime(vote.openedAt)} and is open ${vote.closesAt ? `until ${formatDateTime(vote.closesAt)}` : 'until a chair closes it'}.`
          : `The vote closed on ${formatDateTime(vote.closedAt ?? vote.openedAt)}.`}
      </p>
      <dl className="facts">
        <dt>Who can vote</dt>
        <dd>{people(vote.eligible)}, fixed when the vote opened</dd>
        <dt>Quorum at opening</dt>
        <dd>
          {vote.quorumAtOpening.met ? 'Met. ' : 'Not met. '}
          {vote.quorumAtOpening.explanation}
        </dd>
        <dt>Ballot</dt>
        <dd>
          {vote.secret
            ? 'Secret: no one sees how you voted.'
            : 'Named: the record shows how each person voted.'}
        </dd>
      </dl>

      {vote.open ? (
        <p className="answered">
          {vote.voted} of {vote.eligible} have voted.
        </p>
      ) : null}

      <p className="eligibility">
        {vote.myEligibility.eligible
          ? voted
            ? 'You have voted.'
            : 'You can vote in this vote.'
          : `You cannot vote in this vote, because ${vote.myEligibility.reason ?? 'you are not on its list of voters'}.`}
      </p>

      {mayBallot ? (
        <Ballot
          proposal={proposal}
          vote={vote}
          receipt={receipt}
          onCast={(result) => {
            if (result.receipt) setReceipt(result.receipt);
            setConfirmed(result.message);
            onChanged();
          }}
        />
      ) : null}
      <Confirmation message={confirmed}>
        {receipt ? (
          <p>
            Your receipt: <code>{receipt}</code>. Keep it to change your vote before the vote
            closes.
          </p>
        ) : null}
      </Confirmation>

      {vote.tally ? (
        <>
          <TallyList tally={vote.tally} label={`Count of the vote on “${proposal.title}”`} />
          {vote.outcome ? (
            <p className="outcome">
              <strong>{VOTE_OUTCOMES[vote.outcome]}.</strong> {vote.outcomeReason}
            </p>
          ) : null}
          {vote.quorumAtClosing ? (
            <p>
              Quorum at the close: {vote.quorumAtClosing.met ? 'met' : 'not met'}.{' '}
              {vote.quorumAtClosing.explanation}
            </p>
          ) : null}
          {vote.named ? (
            <ul aria-label={`How each person voted on “${proposal.title}”`}>
              {vote.named.map((ballot) => (
                <li key={ballot.name}>
                  {ballot.name}: {CHOICE_LABELS[ballot.choice]}
                </li>
              ))}
            </ul>
          ) : null}
        </>
      ) : null}

      {can.closeVote ? <CloseVote proposal={proposal} vote={vote} onClosed={onChanged} /> : null}
    </div>
  );
}

type BallotProps = {
  proposal: Proposal;
  vote: Vote;
  receipt: string | null;
  onCast: (result: CastBallotResult) => void;
};

/** The ballot: three choices (Tab to reach them, arrow keys to choose) and one button. */
function Ballot({ proposal, vote, receipt, onCast }: BallotProps) {
  const form = useFormState();
  const changing = vote.iHaveVoted && vote.mayChange;

  async function cast(values: FormValues) {
    const given = withoutEmpty(values);
    const body = validate(castBallotBody, {
      choice: given.choice ?? '',
      ...(given.receipt ? { receipt: given.receipt } : {}),
    });
    const result = await api.post<CastBallotResult>(
      proposalsApi(proposal.groupId, proposal.id, '/vote/ballots'),
      body,
    );
    onCast(result);
  }

  return (
    <Form
      id={`ballot-${proposal.id}`}
      state={form}
      labels={{ choice: `Your vote on “${proposal.title}”`, receipt: 'Your receipt' }}
      onSubmit={cast}
    >
      <RadioGroup name="choice" choices={BALLOT} />
      {changing ? (
        <TextField
          name="receipt"
          autoComplete="off"
          spellCheck={false}
          autoCapitalize="none"
          defaultValue={receipt ?? ''}
          hint="The receipt you were given when you voted."
        />
      ) : null}
      <SubmitButton busy={form.busy}>
        {changing ? 'Change my vote' : 'Cast my vote'}
        <span className="visually-hidden"> on “{proposal.title}”</span>
      </SubmitButton>
    </Form>
  );
}

type CloseProps = { proposal: Proposal; vote: Vote; onClosed: () => void };

/** For chairs: close the vote, and give the casting vote if it is tied and the ToR allows one. */
function CloseVote({ proposal, vote, onClosed }: CloseProps) {
  const announce = useAnnounce();
  const close = useAction();
  const form = useFormState();
  const { confirm, dialog } = useConfirm();
  const path = proposalsApi(proposal.groupId, proposal.id, '/vote/close');

  async function closeNow() {
    const go = await confirm({
      title: 'Close the vote now?',
      effect: (
        <p>
          No one can vote on “{proposal.title}” after this, and the result is recorded for good.
          {vote.voted < vote.eligible
            ? ` ${people(vote.eligible - vote.voted)} on the voter list ${vote.eligible - vote.voted === 1 ? 'has' : 'have'} not voted.`
            : ''}
        </p>
      ),
      confirmLabel: 'Close the vote',
    });
    if (!go) return;
    close.run(
      () => api.post(path, {}),
      () => {
        announce(`The vote on “${proposal.title}” is closed.`);
        onClosed();
      },
    );
  }

  async function casting(values: FormValues) {
    const body = validate(closeVoteBody, { castingVote: values.castingVote ?? '' });
    const go = await confirm({
      title: `Give your casting vote ${body.castingVote === 'yes' ? 'for' : 'against'} it?`,
      effect: (
        <p>
          Your casting vote decides the tied vote on “{proposal.title}”: it is{' '}
          {body.castingVote === 'yes' ? 'carried' : 'not carried'}, and the record says it was tied
          and decided by the chair’s casting vote. This cannot be undone.
        </p>
      ),
      confirmLabel: 'Give the casting vote',
    });
    if (!go) return;
    await api.post(path, body);
    announce(`Your casting vote is given and the vote on “${proposal.title}” is closed.`);
    onClosed();
  }

  return (
    <div className="chair-controls">
      <h5>For the chair</h5>
      {vote.outcome === 'tied' ? (
        <>
          <p>The vote is tied. Our Terms of Reference give the chair a casting vote.</p>
          <Form
            id={`casting-${proposal.id}`}
            state={form}
            labels={{ castingVote: 'Your casting vote' }}
            onSubmit={casting}
          >
            <RadioGroup
              name="castingVote"
              choices={[
                { value: 'yes', label: CHOICE_LABELS.yes },
                { value: 'no', label: CHOICE_LABELS.no },
              ]}
            />
            <SubmitButton busy={form.busy}>Give the casting vote and close</SubmitButton>
          </Form>
        </>
      ) : (
        <>
          <p>
            {vote.voted === vote.eligible
              ? 'Everyone who can vote has voted.'
              : `${people(vote.eligible - vote.voted)} who can vote ${vote.eligible - vote.voted === 1 ? 'has' : 'have'} not voted yet.`}{' '}
            No one can vote once it closes.
          </p>
          <button
            type="button"
            className="button"
            onClick={closeNow}
            aria-disabled={close.busy || undefined}
          >
            Close the vote<span className="visually-hidden"> on “{proposal.title}”</span>
          </button>
          <Problem error={close.problem} />
        </>
      )}
      {dialog}
    </div>
  );
}
