import { z } from 'zod';
import {
  BALLOT_CHOICES,
  CASTING_VOTES,
  CONSENSUS_ANSWERS,
  CONSENSUS_OUTCOMES,
  CONSENSUS_SCOPES,
  DECISION_METHODS,
  DECISION_OUTCOMES,
  PROPOSAL_STAGES,
  VOTE_OUTCOMES,
} from './domains.ts';
import { id, secretToken, text, timestamp } from './common.ts';
import { releaseRequest, releaseRequestView } from './releases.ts';

const remitKey = z
  .string({ error: 'must be the key of a remit area' })
  .regex(/^[a-z][a-z0-9_]{0,39}$/, 'must be the key of a remit area, such as housing_repairs');
const instant = z.iso.datetime({
  offset: true,
  error: 'must be a date and time with its offset, such as 2027-03-09T18:00:00+00:00',
});
const reason = text({ max: 1000 }).nullable().optional();

export const proposalParams = z.strictObject({ groupId: id, proposalId: id });
export const decisionParams = z.strictObject({ groupId: id, decisionId: id });

export const consensusAnswer = z.enum(CONSENSUS_ANSWERS, {
  error: 'must be agree, concerns, stand_aside or block',
});
/** Why someone may not vote in a formal vote, as a stable key. */
export const ineligibleReason = z.enum([
  'notOnVoterList',
  'voterListFixed',
  'nonVotingRole',
  'lapsed',
  'membersOnly',
  'presentInRoom',
  'presentOnly',
]);

export const ballotChoice = z.enum(BALLOT_CHOICES, {
  error: 'must be yes, no or abstain',
});

export const consensusCounts = z.object({
  agree: z.number().int(),
  concerns: z.number().int(),
  standAside: z.number().int(),
  block: z.number().int(),
});
/** Reasons grouped by answer, without names, in no particular order. */
export const reasonsByAnswer = z.object({
  agree: z.array(z.string()),
  concerns: z.array(z.string()),
  standAside: z.array(z.string()),
  block: z.array(z.string()),
});

export const quorumSnapshot = z.object({
  required: z.number().int(),
  present: z.number().int(),
  met: z.boolean(),
  explanation: z.string(),
});

export const tally = z.object({
  yes: z.number().int(),
  no: z.number().int(),
  abstain: z.number().int(),
  eligible: z.number().int(),
  voted: z.number().int(),
});

export const proposal = z
  .object({
    id,
    groupId: id,
    meetingId: id.nullable(),
    title: z.string(),
    text: z.string(),
    remitKey: z.string().nullable(),
    stage: z.enum(PROPOSAL_STAGES),
    closesAt: timestamp.nullable(),
    createdAt: timestamp,
    consensus: z
      .object({
        scope: z.enum(CONSENSUS_SCOPES),
        open: z.boolean(),
        answered: z.number().int(),
        /** Who may answer now (those present, or everyone in the group). */
        mayAnswer: z.number().int(),
        counts: consensusCounts,
        reasons: reasonsByAnswer,
        /** What the answers allow, by the policy. */
        allows: z.object({
          outcome: z.enum(CONSENSUS_OUTCOMES),
          /** In English, for the record; `why` is the same as a stable key, for wording it. */
          reason: z.string(),
          why: z.enum(['nobodyAnswered', 'blocked', 'allStoodAside', 'concerns', 'clear']),
        }),
        outcome: z.enum(CONSENSUS_OUTCOMES).nullable(),
        iHaveAnswered: z.boolean(),
      })
      .nullable(),
    vote: z
      .object({
        open: z.boolean(),
        openedAt: timestamp,
        closesAt: timestamp.nullable(),
        closedAt: timestamp.nullable(),
        secret: z.boolean(),
        mayChange: z.boolean(),
        eligible: z.number().int(),
        voted: z.number().int(),
        quorumAtOpening: quorumSnapshot,
        quorumAtClosing: quorumSnapshot.nullable(),
        /** Only once it has closed. */
        tally: tally.nullable(),
        /** 'tied': evenly split, and not (or not yet) decided by a casting vote. */
        outcome: z.enum(VOTE_OUTCOMES).nullable(),
        /**
         * Why a tie ended as it did, as a stable key the reader's screen words
         * (with castingVote, where the chair's casting vote decided it).
         */
        outcomeReason: z
          .enum(['tiedNotAgreed', 'tiedAwaitingCastingVote', 'decidedByCastingVote'])
          .nullable(),
        /** The chair's casting vote, where it decided a tie. */
        castingVote: z.enum(CASTING_VOTES).nullable(),
        /**
         * Whether I may vote, and if not why, as a stable key: the reader's
         * screen words it, with the role or the number of meetings it names.
         */
        myEligibility: z.object({
          eligible: z.boolean(),
          reason: ineligibleReason.nullable(),
          role: z.string().nullable(),
          meetings: z.number().int().nullable(),
        }),
        iHaveVoted: z.boolean(),
        /** Named votes only, once closed. */
        named: z.array(z.object({ name: z.string(), choice: ballotChoice })).nullable(),
      })
      .nullable(),
    decisionId: id.nullable(),
    /** A release proposal: what agreeing it lets a chair release or withdraw, once. */
    release: releaseRequestView.nullable(),
    can: z.object({
      edit: z.boolean(),
      openConsensus: z.boolean(),
      answer: z.boolean(),
      closeConsensus: z.boolean(),
      callVote: z.boolean(),
      vote: z.boolean(),
      closeVote: z.boolean(),
    }),
  })
  .meta({ id: 'Proposal' });
export type Proposal = z.infer<typeof proposal>;

export const proposalList = z.object({ proposals: z.array(proposal) });
export const listProposalsQuery = z.strictObject({ meetingId: id.optional() });

export const createProposalBody = z.strictObject({
  title: text({ min: 1, max: 200 }),
  text: text({ min: 1, max: 20_000 }),
  remitKey: remitKey.nullable().optional(),
  /** Raised on this meeting's agenda (the meeting must be this group's). */
  meetingId: id.optional(),
  /** Between meetings: when answers and ballots close. */
  closesAt: instant.optional(),
  /** A release proposal: the items to release (or withdraw) and to whom. */
  release: releaseRequest.optional(),
});

export const updateProposalBody = z
  .strictObject({
    title: text({ min: 1, max: 200 }).optional(),
    text: text({ min: 1, max: 20_000 }).optional(),
    remitKey: remitKey.nullable().optional(),
    closesAt: instant.nullable().optional(),
    /** Withdraw a proposal that has not been decided. */
    withdrawn: z.literal(true, { error: 'must be true (to withdraw it)' }).optional(),
  })
  .refine((b) => Object.keys(b).length > 0, {
    message: 'send something to change',
    path: ['title'],
  });

export const answerBody = z.strictObject({ answer: consensusAnswer, reason });

export const closeConsensusBody = z.strictObject({
  /** What the chair declares; consensus only where the answers allow it. */
  outcome: z.enum(['consensus', 'no_consensus'], { error: 'must be consensus or no_consensus' }),
  /** The text agreed, if it changed in discussion; by default the proposal's text. */
  finalText: text({ min: 1, max: 20_000 }).optional(),
});

export const callVoteBody = z.strictObject({
  /** When ballots close; by default a vote in a meeting stays open until a chair closes it. */
  closesAt: instant.optional(),
});

export const castBallotBody = z.strictObject({
  choice: ballotChoice,
  /** To change a ballot where the ToR allows it: the receipt given when it was cast. */
  receipt: secretToken.optional(),
});
export const castBallotResult = z.object({
  choice: ballotChoice,
  /** True when an earlier ballot was changed, false when this one is newly cast. */
  changed: z.boolean(),
  /** Only where the ToR lets people change their ballot before the close: keep it to change it. */
  receipt: z.string().nullable(),
});

export const closeVoteBody = z.strictObject({
  /**
   * Where the ToR gives the chair a casting vote: given with the close, it is
   * used only if the vote is tied; or given after a tie, it decides it.
   */
  castingVote: z.enum(CASTING_VOTES, { error: 'must be yes or no' }).optional(),
});

export const opinion = z.object({
  stance: z.enum(['for', 'concerns', 'stood_aside', 'against']),
  /**
   * Majority or minority, by how many answered that way; 'even' where views
   * were held by as many people, or the vote was tied: a tie is never a
   * majority and a minority.
   */
  weight: z.enum(['majority', 'minority', 'even']),
  count: z.number().int(),
  reasons: z.array(z.string()),
});

export const decision = z
  .object({
    id,
    number: z.number().int(),
    proposalId: id.nullable(),
    meetingId: id.nullable(),
    title: z.string(),
    finalText: z.string(),
    /** 'tied': a formal vote evenly split with no casting vote to decide it; not agreed. */
    outcome: z.enum(DECISION_OUTCOMES),
    /** A tied vote decided by the chair's casting vote, for or against. */
    castingVote: z.enum(['for', 'against']).nullable(),
    method: z.enum(DECISION_METHODS),
    summary: z.string(),
    consensus: z
      .object({
        counts: consensusCounts,
        reasons: reasonsByAnswer,
        outcome: z.enum(CONSENSUS_OUTCOMES),
      })
      .nullable(),
    tally: tally.nullable(),
    opinions: z.array(opinion),
    decidedOn: z.string(),
    recordedAt: timestamp,
    corrects: id.nullable(),
    correctionReason: z.string().nullable(),
    correctedBy: id.nullable(),
  })
  .meta({ id: 'Decision' });
export const decisionList = z.object({ decisions: z.array(decision) });
export const exportQuery = z.strictObject({
  format: z.enum(['csv', 'json'], { error: 'must be csv or json' }).default('csv'),
});

export const correctDecisionBody = z.strictObject({
  finalText: text({ min: 1, max: 20_000 }),
  reason: text({ min: 1, max: 1000 }),
});
