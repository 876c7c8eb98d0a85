import { useState, type ReactNode } from 'react';
import { defineMessages, FormattedMessage, useIntl, type MessageDescriptor } from 'react-intl';
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
import { Confirmation, hidden, RadioGroup } from './Choices.tsx';
import {
  CHOICE_LABELS,
  people,
  proposalsApi,
  VOTE_OUTCOMES,
  type CastBallotResult,
  type Proposal,
  type StepDone,
  type Vote,
} from './types.ts';

/** What a ballot's confirmation says: cast, or changed, and the choice. */
const cast: Record<'cast' | 'changed', MessageDescriptor> = defineMessages({
  cast: {
    id: 'decisions.vote.castConfirmation',
    defaultMessage:
      'Your vote is cast: {choice, select, yes {yes} no {no} other {abstain}}. It is counted when the vote closes.',
  },
  changed: {
    id: 'decisions.vote.changedConfirmation',
    defaultMessage:
      'Your ballot is changed to {choice, select, yes {yes} no {no} other {abstain}}.',
  },
});

/** Why someone may not vote, by the reason the API gives. */
const INELIGIBLE: Record<Vote['myEligibility']['reason'] & string, MessageDescriptor> =
  defineMessages({
    notOnVoterList: {
      id: 'decisions.eligibility.notOnVoterList',
      defaultMessage: 'you are not on this vote’s voter list',
    },
    voterListFixed: {
      id: 'decisions.eligibility.voterListFixed',
      defaultMessage: 'the voter list was fixed when this vote opened, and you were not on it then',
    },
    nonVotingRole: {
      id: 'decisions.eligibility.nonVotingRole',
      defaultMessage: 'people in the role {role} take part but do not vote',
    },
    lapsed: { id: 'decisions.eligibility.lapsed', defaultMessage: 'their membership has lapsed' },
    membersOnly: {
      id: 'decisions.eligibility.membersOnly',
      defaultMessage:
        'only members vote: people who have been to more than {meetings, plural, =0 {no meetings} =1 {one meeting} =2 {two meetings} =3 {three meetings} =4 {four meetings} =5 {five meetings} =6 {six meetings} =7 {seven meetings} =8 {eight meetings} =9 {nine meetings} =10 {ten meetings} other {# meetings}}',
    },
    presentInRoom: {
      id: 'decisions.eligibility.presentInRoom',
      defaultMessage:
        'only members present in the room vote: taking part online does not count as present',
    },
    presentOnly: {
      id: 'decisions.eligibility.presentOnly',
      defaultMessage: 'only members present at the meeting vote',
    },
  });

/** Why a tied vote ended as it did, by the reason the API gives. */
const OUTCOME_REASONS: Record<
  NonNullable<Vote['outcomeReason']>,
  MessageDescriptor
> = defineMessages({
  tiedNotAgreed: {
    id: 'decisions.vote.tiedNotAgreed',
    defaultMessage:
      'The vote is tied, and our Terms of Reference give no casting vote: it is not agreed.',
  },
  tiedAwaitingCastingVote: {
    id: 'decisions.vote.tiedAwaitingCastingVote',
    defaultMessage: 'The vote is tied: the chair has a casting vote to give.',
  },
  decidedByCastingVote: {
    id: 'decisions.vote.decidedByCastingVote',
    defaultMessage:
      'The vote was tied; decided by the chair’s casting vote {castingVote, select, yes {for} other {against}} it.',
  },
});

type Props = {
  proposal: Proposal;
  vote: Vote;
  /** After a ballot. */
  onChanged: () => void;
  /** After the chair closes the vote or gives a casting vote. */
  onStep: (done: StepDone) => void;
};

const BALLOT_HINTS = defineMessages({
  yes: { id: 'decisions.ballot.yesHint', defaultMessage: 'For the proposal.' },
  no: { id: 'decisions.ballot.noHint', defaultMessage: 'Against the proposal.' },
  abstain: { id: 'decisions.ballot.abstainHint', defaultMessage: 'Neither for nor against.' },
});

/**
 * The formal test of consensus: who may vote (fixed when it opened), the
 * quorum, your eligibility and ballot, how many have voted (never how) while
 * it is open, and the count and outcome once it closes.
 */
export function VotePanel({ proposal, vote, onChanged, onStep }: Props) {
  const intl = useIntl();
  const [confirmed, setConfirmed] = useState<string | null>(null);
  const [receipt, setReceipt] = useState<string | null>(null);
  const { can } = proposal;
  // The ballot goes as soon as it is confirmed, not only when the refetch lands.
  const voted = vote.iHaveVoted || confirmed !== null;
  const mayBallot = can.vote && vote.open && (!voted || vote.mayChange);

  return (
    <div className="proposal-part">
      <h4>
        <FormattedMessage id="decisions.vote.heading" defaultMessage="Formal vote" />
      </h4>
      <p>
        {vote.open ? (
          vote.closesAt ? (
            <FormattedMessage
              id="decisions.vote.openUntil"
              defaultMessage="The vote opened on {opened} and is open until {closes}."
              values={{
                opened: formatDateTime(vote.openedAt),
                closes: formatDateTime(vote.closesAt),
              }}
            />
          ) : (
            <FormattedMessage
              id="decisions.vote.openUntilClosed"
              defaultMessage="The vote opened on {opened} and is open until a chair closes it."
              values={{ opened: formatDateTime(vote.openedAt) }}
            />
          )
        ) : (
          <FormattedMessage
            id="decisions.vote.closed"
            defaultMessage="The vote closed on {closed}."
            values={{ closed: formatDateTime(vote.closedAt ?? vote.openedAt) }}
          />
        )}
      </p>
      <dl className="facts">
        <dt>
          <FormattedMessage id="decisions.vote.whoCanVote" defaultMessage="Who can vote" />
        </dt>
        <dd>
          <FormattedMessage
            id="decisions.vote.eligible"
            defaultMessage="{people}, fixed when the vote opened"
            values={{ people: people(intl, vote.eligible) }}
          />
        </dd>
        <dt>
          <FormattedMessage
            id="decisions.vote.quorumAtOpening"
            defaultMessage="Quorum at opening"
          />
        </dt>
        <dd>
          <FormattedMessage
            id="decisions.vote.quorumOpening"
            defaultMessage="{met, select, yes {Met.} other {Not met.}} {explanation}"
            values={{
              met: vote.quorumAtOpening.met ? 'yes' : 'no',
              explanation: vote.quorumAtOpening.explanation,
            }}
          />
        </dd>
        <dt>
          <FormattedMessage id="decisions.vote.ballot" defaultMessage="Ballot" />
        </dt>
        <dd>
          {vote.secret ? (
            <FormattedMessage
              id="decisions.vote.secret"
              defaultMessage="Secret: no one sees how you voted."
            />
          ) : (
            <FormattedMessage
              id="decisions.vote.named"
              defaultMessage="Named: the record shows how each person voted."
            />
          )}
        </dd>
      </dl>

      {vote.open ? (
        <p className="answered">
          <FormattedMessage
            id="decisions.vote.voted"
            defaultMessage="{voted} of {eligible} have voted."
            values={{ voted: vote.voted, eligible: vote.eligible }}
          />
        </p>
      ) : null}

      <p className="eligibility">
        {vote.myEligibility.eligible ? (
          voted ? (
            <FormattedMessage id="decisions.vote.youVoted" defaultMessage="You have voted." />
          ) : (
            <FormattedMessage
              id="decisions.vote.youCanVote"
              defaultMessage="You can vote in this vote."
            />
          )
        ) : vote.myEligibility.reason && vote.myEligibility.reason !== 'notOnVoterList' ? (
          <FormattedMessage
            id="decisions.vote.cannotBecause"
            defaultMessage="You cannot vote in this vote, because {reason}."
            values={{
              reason: intl.formatMessage(INELIGIBLE[vote.myEligibility.reason], {
                role: vote.myEligibility.role ?? '',
                meetings: vote.myEligibility.meetings ?? 0,
              }),
            }}
          />
        ) : (
          <FormattedMessage
            id="decisions.vote.cannot"
            defaultMessage="You cannot vote in this vote, because you are not on its list of voters."
          />
        )}
      </p>

      {mayBallot ? (
        <Ballot
          proposal={proposal}
          vote={vote}
          receipt={receipt}
          onCast={(result) => {
            if (result.receipt) setReceipt(result.receipt);
            setConfirmed(
              intl.formatMessage(result.changed ? cast.changed : cast.cast, {
                choice: result.choice,
              }),
            );
            onChanged();
          }}
        />
      ) : null}
      <Confirmation message={confirmed}>
        {receipt ? (
          <p>
            <FormattedMessage
              id="decisions.vote.receipt"
              defaultMessage="Your receipt: <code>{receipt}</code>. Keep it to change your vote before the vote closes."
              values={{ receipt, code: (chunks: ReactNode[]) => <code>{chunks}</code> }}
            />
          </p>
        ) : null}
      </Confirmation>

      {vote.tally ? (
        <>
          <TallyList
            tally={vote.tally}
            label={intl.formatMessage(
              { id: 'decisions.vote.countLabel', defaultMessage: 'Count of the vote on “{title}”' },
              { title: proposal.title },
            )}
          />
          {vote.outcome ? (
            <p className="outcome" id={`vote-outcome-${proposal.id}`} tabIndex={-1}>
              <FormattedMessage
                id="decisions.vote.outcome"
                defaultMessage="<b>{outcome}.</b> {reason}"
                values={{
                  outcome: intl.formatMessage(VOTE_OUTCOMES[vote.outcome]),
                  reason: vote.outcomeReason
                    ? intl.formatMessage(OUTCOME_REASONS[vote.outcomeReason], {
                        castingVote: vote.castingVote ?? 'yes',
                      })
                    : '',
                  b: (chunks: ReactNode[]) => <strong>{chunks}</strong>,
                }}
              />
            </p>
          ) : null}
          {vote.quorumAtClosing ? (
            <p>
              <FormattedMessage
                id="decisions.vote.quorumAtClosing"
                defaultMessage="Quorum at the close: {met, select, yes {met} other {not met}}. {explanation}"
                values={{
                  met: vote.quorumAtClosing.met ? 'yes' : 'no',
                  explanation: vote.quorumAtClosing.explanation,
                }}
              />
            </p>
          ) : null}
          {vote.named ? (
            <ul
              aria-label={intl.formatMessage(
                {
                  id: 'decisions.vote.namedLabel',
                  defaultMessage: 'How each person voted on “{title}”',
                },
                { title: proposal.title },
              )}
            >
              {vote.named.map((ballot) => (
                <li key={ballot.name}>
                  <FormattedMessage
                    id="decisions.vote.namedLine"
                    defaultMessage="{name}: {choice}"
                    values={{
                      name: ballot.name,
                      choice: intl.formatMessage(CHOICE_LABELS[ballot.choice]),
                    }}
                  />
                </li>
              ))}
            </ul>
          ) : null}
        </>
      ) : null}

      {can.closeVote ? <CloseVote proposal={proposal} vote={vote} onClosed={onStep} /> : null}
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
  const intl = useIntl();
  const form = useFormState();
  const ballot = (['yes', 'no', 'abstain'] as const).map((value) => ({
    value,
    label: intl.formatMessage(CHOICE_LABELS[value]),
    hint: intl.formatMessage(BALLOT_HINTS[value]),
  }));
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
      labels={{
        choice: intl.formatMessage(
          { id: 'decisions.ballot.choice', defaultMessage: 'Your vote on “{title}”' },
          { title: proposal.title },
        ),
        receipt: intl.formatMessage({
          id: 'decisions.ballot.receipt',
          defaultMessage: 'Your receipt',
        }),
      }}
      onSubmit={cast}
    >
      <RadioGroup name="choice" choices={ballot} />
      {changing ? (
        <TextField
          name="receipt"
          autoComplete="off"
          spellCheck={false}
          autoCapitalize="none"
          defaultValue={receipt ?? ''}
          hint={intl.formatMessage({
            id: 'decisions.ballot.receiptHint',
            defaultMessage: 'The receipt you were given when you voted.',
          })}
        />
      ) : null}
      <SubmitButton busy={form.busy}>
        {changing ? (
          <FormattedMessage
            id="decisions.ballot.change"
            defaultMessage="Change my vote<hidden> on “{title}”</hidden>"
            values={{ title: proposal.title, hidden: hidden }}
          />
        ) : (
          <FormattedMessage
            id="decisions.ballot.cast"
            defaultMessage="Cast my vote<hidden> on “{title}”</hidden>"
            values={{ title: proposal.title, hidden: hidden }}
          />
        )}
      </SubmitButton>
    </Form>
  );
}

type CloseProps = { proposal: Proposal; vote: Vote; onClosed: (done: StepDone) => void };

/** For chairs: close the vote, and give the casting vote if it is tied and the ToR allows one. */
function CloseVote({ proposal, vote, onClosed }: CloseProps) {
  const intl = useIntl();
  const announce = useAnnounce();
  const close = useAction();
  const form = useFormState();
  const { confirm, dialog } = useConfirm();
  const path = proposalsApi(proposal.groupId, proposal.id, '/vote/close');
  const title = proposal.title;
  const notVoted = vote.eligible - vote.voted;

  async function closeNow() {
    const go = await confirm({
      title: intl.formatMessage({
        id: 'decisions.closeVote.confirmTitle',
        defaultMessage: 'Close the vote now?',
      }),
      effect: (
        <p>
          <FormattedMessage
            id="decisions.closeVote.effect"
            defaultMessage="No one can vote on “{title}” after this, and the result is recorded for good. {count, plural, =0 {} one {# person on the voter list has not voted.} other {# people on the voter list have not voted.}} If the vote is tied, what happens next is what our Terms of Reference say: where they give the chair a casting vote, you are asked for it here."
            values={{ title, count: notVoted }}
          />
        </p>
      ),
      confirmLabel: intl.formatMessage({
        id: 'decisions.closeVote.confirm',
        defaultMessage: 'Close the vote',
      }),
    });
    if (!go) return;
    close.run(
      () => api.post(path, {}),
      () => {
        announce(
          intl.formatMessage(
            { id: 'decisions.closeVote.done', defaultMessage: 'The vote on “{title}” is closed.' },
            { title },
          ),
        );
        onClosed((p) => p.vote?.open === false);
      },
    );
  }

  async function casting(values: FormValues) {
    const body = validate(closeVoteBody, { castingVote: values.castingVote ?? '' });
    const go = await confirm({
      title: intl.formatMessage(
        {
          id: 'decisions.casting.confirmTitle',
          defaultMessage:
            '{choice, select, yes {Give your casting vote for it?} other {Give your casting vote against it?}}',
        },
        { choice: body.castingVote },
      ),
      effect: (
        <p>
          <FormattedMessage
            id="decisions.casting.effect"
            defaultMessage="Your casting vote decides the tied vote on “{title}”: it is {choice, select, yes {carried} other {not carried}}, and the record says it was tied and decided by the chair’s casting vote. This cannot be undone."
            values={{ title, choice: body.castingVote }}
          />
        </p>
      ),
      confirmLabel: intl.formatMessage({
        id: 'decisions.casting.confirm',
        defaultMessage: 'Give the casting vote',
      }),
    });
    if (!go) return;
    await api.post(path, body);
    announce(
      intl.formatMessage(
        {
          id: 'decisions.casting.done',
          defaultMessage: 'Your casting vote is given and the vote on “{title}” is closed.',
        },
        { title },
      ),
    );
    onClosed((p) => p.vote?.open === false && p.vote.outcome !== 'tied');
  }

  return (
    <div className="chair-controls">
      {vote.outcome === 'tied' ? (
        <>
          <h5 id={`casting-${proposal.id}-title`} tabIndex={-1}>
            <FormattedMessage
              id="decisions.casting.heading"
              defaultMessage="For the chair: the vote is tied"
            />
          </h5>
          <p>
            <FormattedMessage
              id="decisions.casting.lead"
              defaultMessage="Our Terms of Reference give the chair a casting vote. Nothing is decided until you give it: choose Yes and the proposal is carried, or No and it is not. The record will say that the vote was tied and decided by your casting vote."
            />
          </p>
          <Form
            id={`casting-${proposal.id}`}
            state={form}
            labels={{
              castingVote: intl.formatMessage({
                id: 'decisions.casting.label',
                defaultMessage: 'Your casting vote',
              }),
            }}
            onSubmit={casting}
          >
            <RadioGroup
              name="castingVote"
              choices={[
                {
                  value: 'yes',
                  label: intl.formatMessage(CHOICE_LABELS.yes),
                  hint: intl.formatMessage({
                    id: 'decisions.casting.yesHint',
                    defaultMessage: 'The proposal is carried.',
                  }),
                },
                {
                  value: 'no',
                  label: intl.formatMessage(CHOICE_LABELS.no),
                  hint: intl.formatMessage({
                    id: 'decisions.casting.noHint',
                    defaultMessage: 'The proposal is not carried.',
                  }),
                },
              ]}
            />
            <SubmitButton busy={form.busy}>
              <FormattedMessage
                id="decisions.casting.submit"
                defaultMessage="Give the casting vote and close"
              />
            </SubmitButton>
          </Form>
        </>
      ) : (
        <>
          <h5>
            <FormattedMessage id="decisions.chair.heading" defaultMessage="For the chair" />
          </h5>
          <p>
            <FormattedMessage
              id="decisions.closeVote.waiting"
              defaultMessage="{count, plural, =0 {Everyone who can vote has voted.} one {# person who can vote has not voted yet.} other {# people who can vote have not voted yet.}} No one can vote once it closes."
              values={{ count: notVoted }}
            />
          </p>
          <button
            type="button"
            className="button"
            onClick={closeNow}
            aria-disabled={close.busy || undefined}
          >
            <FormattedMessage
              id="decisions.closeVote.button"
              defaultMessage="Close the vote<hidden> on “{title}”</hidden>"
              values={{ title, hidden }}
            />
          </button>
          <Problem error={close.problem} />
        </>
      )}
      {dialog}
    </div>
  );
}
