import { useRef, useState, type ReactNode } from 'react';
import { defineMessage, FormattedMessage, useIntl, type MessageDescriptor } from 'react-intl';
import { answerBody, closeConsensusBody } from '../../../contracts/decisions.ts';
import { useAnnounce } from '../../components/Announcer.tsx';
import { useConfirm } from '../../components/Confirm.tsx';
import { Form, SubmitButton, TextArea } from '../../components/Form.tsx';
import { api } from '../../lib/api.ts';
import { useFormState, validate, type FormValues } from '../../lib/forms.ts';
import { AnswerCounts } from './Answers.tsx';
import { Confirmation, hidden, RadioGroup } from './Choices.tsx';
import {
  ANSWERS,
  CONSENSUS_OUTCOMES,
  proposalsApi,
  type Consensus,
  type Proposal,
  type StepDone,
} from './types.ts';

type Props = {
  proposal: Proposal;
  consensus: Consensus;
  /** After an answer. */
  onChanged: () => void;
  /** After the chair's declaration, which closes the check. */
  onStep: (done: StepDone) => void;
};

/** Why the answers allow what they do, by the reason the API gives and the counts. */
const ALLOWS_BECAUSE: MessageDescriptor = defineMessage({
  id: 'decisions.consensus.because',
  defaultMessage:
    '{why, select, nobodyAnswered {nobody has answered} blocked {{blocks, plural, one {# person blocks} other {# people block}} the proposal} allStoodAside {everyone who answered stood aside} concerns {no blocks; {concerns, plural, one {# person has} other {# people have}} concerns} other {no blocks and no concerns}}',
});

/**
 * The consensus check: how many have answered, the counts and reasons without
 * names, what the answers allow; your own answer; and the chair's declaration.
 */
export function ConsensusPanel({ proposal, consensus, onChanged, onStep }: Props) {
  const intl = useIntl();
  const [confirmed, setConfirmed] = useState<string | null>(null);
  const { can } = proposal;
  return (
    <div className="proposal-part">
      <h4>
        <FormattedMessage id="decisions.consensus.heading" defaultMessage="Consensus check" />
      </h4>
      <p id={`consensus-state-${proposal.id}`} tabIndex={-1}>
        {consensus.open ? (
          <FormattedMessage
            id="decisions.consensus.open"
            defaultMessage="The consensus check is open."
          />
        ) : (
          <FormattedMessage
            id="decisions.consensus.closed"
            defaultMessage="The consensus check is closed: {outcome}."
            values={{
              outcome: intl
                .formatMessage(CONSENSUS_OUTCOMES[consensus.outcome ?? consensus.allows.outcome])
                .toLowerCase(),
            }}
          />
        )}
      </p>
      <p className="answered">
        <FormattedMessage
          id="decisions.consensus.answered"
          defaultMessage="{answered} of {mayAnswer} {scope, select, meeting {people at the meeting} other {people in the group}} have answered."
          values={{
            answered: consensus.answered,
            mayAnswer: consensus.mayAnswer,
            scope: consensus.scope,
          }}
        />
      </p>
      <AnswerCounts
        counts={consensus.counts}
        reasons={consensus.reasons}
        label={intl.formatMessage(
          {
            id: 'decisions.consensus.answersLabel',
            defaultMessage: 'Answers on “{title}”, without names',
          },
          { title: proposal.title },
        )}
      />
      {consensus.open ? (
        <p className="allows">
          <FormattedMessage
            id="decisions.consensus.allows"
            defaultMessage="<b>What the answers allow:</b> {outcome}, because {reason}."
            values={{
              outcome: intl
                .formatMessage(CONSENSUS_OUTCOMES[consensus.allows.outcome])
                .toLowerCase(),
              reason: intl.formatMessage(ALLOWS_BECAUSE, {
                why: consensus.allows.why,
                blocks: consensus.counts.block,
                concerns: consensus.counts.concerns,
              }),
              b: (chunks: ReactNode[]) => <strong>{chunks}</strong>,
            }}
          />
        </p>
      ) : null}
      {consensus.open && (consensus.iHaveAnswered || confirmed) ? (
        <p>
          <FormattedMessage
            id="decisions.consensus.answeredMine"
            defaultMessage="You have answered. Each person answers once, and the answer is final."
          />
        </p>
      ) : null}
      {/* Hidden as soon as the answer is confirmed, not when the refetch lands. */}
      {can.answer && !consensus.iHaveAnswered && !confirmed ? (
        <AnswerForm proposal={proposal} confirm={setConfirmed} onAnswered={onChanged} />
      ) : null}
      <Confirmation message={confirmed} />
      {can.closeConsensus ? (
        <DeclareOutcome proposal={proposal} consensus={consensus} onDeclared={onStep} />
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
  const intl = useIntl();
  const form = useFormState();
  const choices = ANSWERS.map((a) => ({
    value: a.value,
    label: intl.formatMessage(a.label),
    hint: intl.formatMessage(a.hint),
  }));

  async function answer(values: FormValues) {
    const reason = values.reason?.trim();
    const body = validate(answerBody, {
      answer: values.answer ?? '',
      ...(reason ? { reason } : {}),
    });
    await api.post(proposalsApi(proposal.groupId, proposal.id, '/consensus/answers'), body);
    const label = choices.find((a) => a.value === body.answer)?.label ?? body.answer;
    confirm(
      intl.formatMessage(
        {
          id: 'decisions.answer.recorded',
          defaultMessage: 'Your answer is recorded: {answer}. It is counted without your name.',
        },
        { answer: label },
      ),
    );
    onAnswered();
  }

  return (
    <Form
      id={`answer-${proposal.id}`}
      state={form}
      labels={{
        answer: intl.formatMessage(
          { id: 'decisions.answer.label', defaultMessage: 'Your answer to “{title}”' },
          { title: proposal.title },
        ),
        reason: intl.formatMessage({
          id: 'decisions.answer.reason',
          defaultMessage: 'Your reason',
        }),
      }}
      onSubmit={answer}
    >
      <RadioGroup name="answer" choices={choices} />
      <TextArea
        name="reason"
        optional
        hint={intl.formatMessage({
          id: 'decisions.answer.reasonHint',
          defaultMessage: 'Shown to the group and kept in the record, never with your name.',
        })}
      />
      <SubmitButton busy={form.busy}>
        <FormattedMessage
          id="decisions.answer.submit"
          defaultMessage="Give my answer<hidden> to “{title}”</hidden>"
          values={{ title: proposal.title, hidden }}
        />
      </SubmitButton>
    </Form>
  );
}

type DeclareProps = {
  proposal: Proposal;
  consensus: Consensus;
  onDeclared: (done: StepDone) => void;
};

/** For chairs: declare consensus (where the answers allow it) or no consensus. */
function DeclareOutcome({ proposal, consensus, onDeclared }: DeclareProps) {
  const intl = useIntl();
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
            title: intl.formatMessage({
              id: 'decisions.declare.consensusTitle',
              defaultMessage: 'Declare consensus?',
            }),
            effect: (
              <p>
                <FormattedMessage
                  id="decisions.declare.consensusEffect"
                  defaultMessage="The consensus check on “{title}” closes and the decision is recorded in the register for good: no one can answer after this, and the record cannot be changed, only corrected by a new one."
                  values={{ title: proposal.title }}
                />
              </p>
            ),
            confirmLabel: intl.formatMessage({
              id: 'decisions.declare.consensus',
              defaultMessage: 'Declare consensus',
            }),
          }
        : {
            title: intl.formatMessage({
              id: 'decisions.declare.noneTitle',
              defaultMessage: 'Declare no consensus?',
            }),
            effect: (
              <p>
                <FormattedMessage
                  id="decisions.declare.noneEffect"
                  defaultMessage="The consensus check on “{title}” closes for good: no one can answer after this. The proposal can then go to a formal vote, or be withdrawn."
                  values={{ title: proposal.title }}
                />
              </p>
            ),
            confirmLabel: intl.formatMessage({
              id: 'decisions.declare.none',
              defaultMessage: 'Declare no consensus',
            }),
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
        ? intl.formatMessage(
            {
              id: 'decisions.declare.consensusDone',
              defaultMessage: 'Consensus on “{title}” is recorded as a decision.',
            },
            { title: proposal.title },
          )
        : intl.formatMessage(
            { id: 'decisions.declare.noneDone', defaultMessage: 'No consensus on “{title}”.' },
            { title: proposal.title },
          ),
    );
    onDeclared((p) => p.consensus?.open === false);
  }

  return (
    <div className="chair-controls">
      <h5>
        <FormattedMessage id="decisions.chair.heading" defaultMessage="For the chair" />
      </h5>
      <p>
        {allowed ? (
          <FormattedMessage
            id="decisions.declare.allowed"
            defaultMessage="The answers allow consensus. Declare it, or declare that there is none."
          />
        ) : (
          <FormattedMessage
            id="decisions.declare.notAllowed"
            defaultMessage="The answers do not allow consensus. When everyone who wants to has answered, declare that there is none."
          />
        )}
      </p>
      <Form
        id={`declare-${proposal.id}`}
        state={form}
        labels={{
          finalText: intl.formatMessage({
            id: 'decisions.declare.finalText',
            defaultMessage: 'The text agreed',
          }),
        }}
        onSubmit={declare}
      >
        {allowed ? (
          <details className="details">
            <summary>
              <FormattedMessage
                id="decisions.declare.changed"
                defaultMessage="The text changed in discussion"
              />
            </summary>
            <TextArea
              name="finalText"
              defaultValue={proposal.text}
              hint={intl.formatMessage({
                id: 'decisions.declare.finalTextHint',
                defaultMessage: 'What the group agreed, if it is not the text above.',
              })}
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
              <FormattedMessage
                id="decisions.declare.consensusButton"
                defaultMessage="Declare consensus<hidden> on “{title}”</hidden>"
                values={{ title: proposal.title, hidden }}
              />
            </button>
          ) : null}
          <button
            type="submit"
            className={allowed ? 'button button-secondary' : 'button'}
            aria-disabled={form.busy || undefined}
            onClick={() => (outcome.current = 'no_consensus')}
          >
            <FormattedMessage
              id="decisions.declare.noneButton"
              defaultMessage="Declare no consensus<hidden> on “{title}”</hidden>"
              values={{ title: proposal.title, hidden }}
            />
          </button>
        </div>
      </Form>
      {dialog}
    </div>
  );
}
