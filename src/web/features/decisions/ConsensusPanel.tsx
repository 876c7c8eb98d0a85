import { useRef, useState } from 'react';
import { answerBody, closeConsensusBody } from '../../../contracts/decisions.ts';
import { useAnnounce } from '../../components/Announcer.tsx';
import { useConfirm } from '../../components/Confirm.tsx';
import { Form, SubmitButton, TextArea } from '../../components/Form.tsx';
import { api } from '../../lib/api.ts';
import { useFormState, validate, type FormValues } from '../../lib/forms.ts';
import { AnswerCounts } from './Answers.tsx';
import { Confirmation, RadioGroup } from './Choices.tsx';
import {
  ANSWERS,
  CONSENSUS_OUTCOMES,
  proposalsApi,
  type Consensus,
  type Proposal,
} from './types.ts';

type Props = { proposal: Proposal; consensus: Consensus; onChanged: () => void };

/**
 * The consensus check: how many have answered, the counts and reasons without
 * names, what the answers allow; your own answer; and the chair's declaration.
 */
export function ConsensusPanel({ proposal, consensus, onChanged }: Props) {
  const [confirmed, setConfirmed] = useState<string | null>(null);
  const { can } = proposal;
  const who = consensus.scope === 'meeting' ? 'people at the meeting' : 'people in the group';
  return (
    <div className="proposal-part">
      <h4>Consensus check</h4>
      <p>
        {consensus.open
          ? 'The consensus check is open.'
          : `The consensus check is closed: ${CONSENSUS_OUTCOMES[consensus.outcome ?? consensus.allows.outcome].toLowerCase()}.`}
      </p>
      <p className="answered">
        {consensus.answered} of {consensus.mayAnswer} {who} have answered.
      </p>
      <AnswerCounts
        counts={consensus.counts}
        reasons={consensus.reasons}
        label={`Answers on “${proposal.title}”, without names`}
      />
      {consensus.open ? (
        <p className="allows">
          <strong>What the answers allow:</strong>{' '}
          {CONSENSUS_OUTCOMES[consensus.allows.outcome].toLowerCase()}, because{' '}
          {consensus.allows.reason}.
        </p>
      ) : null}
      {consensus.open && (consensus.iHaveAnswered || confirmed) ? (
        <p>You have answered. Each person answers once, and the answer is final.</p>
      ) : null}
      {/* Hidden as soon as the answer is confirmed, not when the refetch lands. */}
      {can.answer && !consensus.iHaveAnswered && !confirmed ? (
        <AnswerForm proposal={proposal} confirm={setConfirmed} onAnswered={onChanged} />
      ) : null}
      <Confirmation message={confirmed} />
      {can.closeConsensus ? (
        <DeclareOutcome proposal={proposal} consensus={consensus} onDeclared={onChanged} />
      ) : null}
    </div>
  );
}

type AnswerFormProps = {
  proposal: Proposal;
  confirm: (text: string) => void;
  onAnswered: () => void;
};

function AnswerForm({ proposal, confirm, onAnswered }: AnswerFormProps) {
  const form = useFormState();

  async function answer(values: FormValues) {
    const reason = values.reason?.trim();
    const body = validate(answerBody, {
      answer: values.answer ?? '',
      ...(reason ? { reason } : {}),
    });
    await api.post(proposalsApi(proposal.groupId, proposal.id, '/consensus/answers'), body);
    const label = ANSWERS.find((a) => a.value === body.answer)?.label ?? body.answer;
    confirm(`Your answer is recorded: ${label}. It is counted without your name.`);
    onAnswered();
  }

  return (
    <Form
      id={`answer-${proposal.id}`}
      state={form}
      labels={{ answer: `Your answer to “${proposal.title}”`, reason: 'Your reason' }}
      onSubmit={answer}
    >
      <RadioGroup name="answer" choices={ANSWERS} />
      <TextArea
        name="reason"
        optional
        hint="Shown to the group and kept in the record, never with your name."
      />
      <SubmitButton busy={form.busy}>
        Give my answer<span className="visually-hidden"> to “{proposal.title}”</span>
      </SubmitButton>
    </Form>
  );
}

type DeclareProps = { proposal: Proposal; consensus: Consensus; onDeclared: () => void };

/** For chairs: declare consensus (where the answers allow it) or no consensus. */
function DeclareOutcome({ proposal, consensus, onDeclared }: DeclareProps) {
  const form = useFormState();
  const announce = useAnnounce();
  const outcome = useRef<'consensus' | 'no_consensus'>('no_consensus');
  const allowed = consensus.allows.outcome !== 'no_consensus';
  const { confirm, dialog } = useConfirm();

  async function declare(values: FormValues) {
    const finalText = values.finalText?.trim();
    const changed = allowed && outcome.current === 'consensus' && finalText !== proposal.text;
    const declaring = outcome.current;
    const go = await confirm(
      declaring === 'consensus'
        ? {
            title: 'Declare consensus?',
            effect: (
              <p>
                The consensus check on “{proposal.title}” closes and the decision is recorded in the
                register for good: no one can answer after this, and the record cannot be changed,
                only corrected by a new one.
              </p>
            ),
            confirmLabel: 'Declare consensus',
          }
        : {
            title: 'Declare no consensus?',
            effect: (
              <p>
                The consensus check on “{proposal.title}” closes for good: no one can answer after
                this. The proposal can then go to a formal vote, or be withdrawn.
              </p>
            ),
            confirmLabel: 'Declare no consensus',
          },
    );
    if (!go) return;
    const body = validate(closeConsensusBody, {
      outcome: declaring,
      ...(changed && finalText ? { finalText } : {}),
    });
    await api.post(proposalsApi(proposal.groupId, proposal.id, '/consensus/close'), body);
    announce(
      body.outcome === 'consensus'
        ? `Consensus on “${proposal.title}” is recorded as a decision.`
        : `No consensus on “${proposal.title}”.`,
    );
    onDeclared();
  }

  return (
    <div className="chair-controls">
      <h5>For the chair</h5>
      <p>
        {allowed
          ? 'The answers allow consensus. Declare it, or declare that there is none.'
          : 'The answers do not allow consensus. When everyone who wants to has answered, declare that there is none.'}
      </p>
      <Form
        id={`declare-${proposal.id}`}
        state={form}
        labels={{ finalText: 'The text agreed' }}
        onSubmit={declare}
      >
        {allowed ? (
          <details className="details">
            <summary>The text changed in discussion</summary>
            <TextArea
              name="finalText"
              defaultValue={proposal.text}
              hint="What the group agreed, if it is not the text above."
            />
          </details>
        ) : null}
        <div className="actions actions-tight">
          {allowed ? (
            <button
              type="submit"
              className="button"
              aria-disabled={form.busy || undefined}
              onClick={() => (outcome.current = 'consensus')}
            >
              Declare consensus<span className="visually-hidden"> on “{proposal.title}”</span>
            </button>
          ) : null}
          <button
            type="submit"
            className={allowed ? 'button button-secondary' : 'button'}
            aria-disabled={form.busy || undefined}
            onClick={() => (outcome.current = 'no_consensus')}
          >
            Declare no consensus<span className="visually-hidden"> on “{proposal.title}”</span>
          </button>
        </div>
      </Form>
      {dialog}
    </div>
  );
}
