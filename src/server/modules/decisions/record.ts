/**
 * Writing a decision record: the outcome, the text agreed, the consensus
 * stage (counts and reasons), the tally, and every distinct opinion voiced,
 * grouped, the minority kept beside the majority ("the group may hold a
 * variety of opinions, all of which may be reflected in any consequent
 * report"). Nothing in it names anyone.
 */
import { calendarDateIn, type ConsensusCounts } from '../../../policy/index.ts';
import type { Executor } from '../../deps.ts';
import { writeAudit } from '../audit/audit.repository.ts';
import { countsOf, reasonsOf, type DecisionRules } from './context.ts';
import * as repo from './decisions.repository.ts';

type Stance = 'for' | 'concerns' | 'stood_aside' | 'against';
const STANCE: Record<keyof ConsensusCounts, Stance> = {
  agree: 'for',
  concerns: 'concerns',
  standAside: 'stood_aside',
  block: 'against',
};

export type Opinion = {
  stance: Stance;
  weight: 'majority' | 'minority';
  count: number;
  reasons: string[];
};

/**
 * The opinions voiced, one per stance someone took. The majority is the side
 * the decision went with (for, if agreed; against, if not); without a clear
 * side, the stance most people took.
 */
export function opinionsOf(
  answers: readonly { answer: string; reason: string | null }[],
  agreed: boolean | null,
): Opinion[] {
  const counts = countsOf(answers);
  const reasons = reasonsOf(answers);
  const taken = (Object.keys(counts) as (keyof ConsensusCounts)[]).filter((k) => counts[k] > 0);
  const most = Math.max(0, ...taken.map((k) => counts[k]));
  return taken.map((k) => {
    const stance = STANCE[k];
    const majority =
      agreed === true
        ? stance === 'for'
        : agreed === false
          ? stance === 'against' || (counts.block === 0 && counts[k] === most)
          : counts[k] === most;
    return {
      stance,
      weight: majority ? 'majority' : 'minority',
      count: counts[k],
      reasons: reasons[k],
    };
  });
}

export async function recordDecision(
  tx: Executor,
  input: {
    proposal: repo.ProposalRow;
    rules: DecisionRules;
    actorId: string | null;
    finalText: string;
    agreed: boolean;
    method: 'consensus' | 'vote';
    summary: string;
    tally: Record<string, number> | null;
  },
) {
  const { proposal, rules } = input;
  const check = await repo.findCheck(tx, proposal.id);
  const answers = check ? await repo.answersOf(tx, [proposal.id]) : [];
  const number = await repo.nextDecisionNumber(tx, proposal.groupId);
  const row = await repo.insertDecision(tx, {
    groupId: proposal.groupId,
    number,
    proposalId: proposal.id,
    meetingId: proposal.meetingId,
    title: proposal.title,
    finalText: input.finalText,
    outcome: input.agreed ? 'agreed' : 'not_agreed',
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
      ? opinionsOf(answers, input.agreed)
      : opinionsOf(answers, input.agreed).filter((o) => o.weight === 'majority'),
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
