/**
 * Writing a decision record: the outcome, the text agreed, the consensus
 * stage (counts and reasons), the tally, and every distinct opinion voiced,
 * grouped, the minority kept beside the majority ("the group may hold a
 * variety of opinions, all of which may be reflected in any consequent
 * report"). Nothing in it names anyone.
 */
import {
  calendarDateIn,
  opinionWeights,
  type ConsensusCounts,
  type Stance,
  type Weight,
} from '../../../policy/index.ts';
import type { Executor } from '../../deps.ts';
import { writeAudit } from '../audit/audit.repository.ts';
import { countsOf, reasonsOf, type DecisionRules } from './context.ts';
import * as repo from './decisions.repository.ts';

const STANCE: Record<keyof ConsensusCounts, Stance> = {
  agree: 'for',
  concerns: 'concerns',
  standAside: 'stood_aside',
  block: 'against',
};

export type Opinion = {
  stance: Stance;
  weight: Weight;
  count: number;
  reasons: string[];
};

/**
 * The opinions voiced, one per stance someone took, weighed by
 * `opinionWeights`: the majority is the side the decision went with, never
 * a view held by no more people than another, and nothing is a majority or
 * a minority when the vote was tied.
 */
export function opinionsOf(
  answers: readonly { answer: string; reason: string | null }[],
  agreed: boolean | null,
  tied = false,
): Opinion[] {
  const counts = countsOf(answers);
  const reasons = reasonsOf(answers);
  const byStance = {} as Record<Stance, number>;
  for (const k of Object.keys(STANCE) as (keyof ConsensusCounts)[]) byStance[STANCE[k]] = counts[k];
  const weights = opinionWeights(byStance, agreed, tied);
  return (Object.keys(counts) as (keyof ConsensusCounts)[])
    .filter((k) => counts[k] > 0)
    .map((k) => ({
      stance: STANCE[k],
      weight: weights[STANCE[k]] ?? 'minority',
      count: counts[k],
      reasons: reasons[k],
    }));
}

export async function recordDecision(
  tx: Executor,
  input: {
    proposal: repo.ProposalRow;
    rules: DecisionRules;
    actorId: string | null;
    finalText: string;
    agreed: boolean;
    /** A formal vote that was tied: recorded as tied, or as decided by the chair's casting vote. */
    tied?: boolean;
    castingVote?: 'for' | 'against' | null;
    method: 'consensus' | 'vote';
    summary: string;
    tally: Record<string, number> | null;
  },
) {
  const { proposal, rules } = input;
  const tied = input.tied ?? false;
  const castingVote = input.castingVote ?? null;
  const check = await repo.findCheck(tx, proposal.id);
  const answers = check ? await repo.answersOf(tx, [proposal.id]) : [];
  const opinions = opinionsOf(answers, tied && !castingVote ? null : input.agreed, tied);
  const number = await repo.nextDecisionNumber(tx, proposal.groupId);
  const row = await repo.insertDecision(tx, {
    groupId: proposal.groupId,
    number,
    proposalId: proposal.id,
    meetingId: proposal.meetingId,
    title: proposal.title,
    finalText: input.finalText,
    outcome: tied && !castingVote ? 'tied' : input.agreed ? 'agreed' : 'not_agreed',
    castingVote,
    method: input.method,
    summary: input.summary,
    consensus: check
      ? {
          counts: countsOf(answers),
          reasons: reasonsOf(answers),
          outcome: check.outcome ?? 'no_consensus',
        }
      : null,
    tally: input.tally,
    opinions: rules.terms.decisions.recordAllOpinions
      ? opinions
      : opinions.filter((o) => o.weight !== 'minority'),
    decidedOn: calendarDateIn(rules.terms.cadence.timeZone, new Date()),
    recordedBy: input.actorId,
  });
  await repo.updateProposal(tx, proposal.id, { stage: 'decided' });
  await writeAudit(tx, {
    actorId: input.actorId,
    groupId: proposal.groupId,
    action: 'decision.recorded',
    subjectType: 'decision',
    subjectId: row.id,
    detail: { number, proposalId: proposal.id, outcome: row.outcome, method: row.method },
  });
  return row;
}
