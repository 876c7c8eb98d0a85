/**
 * The decision register: every record, its export, and corrections. A record
 * never changes; a correction is a new record linked to the one it corrects.
 */
import { stringify } from 'csv-stringify/sync';
import { calendarDateIn } from '../../../policy/index.ts';
import type { Actor } from '../../access.ts';
import type { Deps, UseCaseScope } from '../../deps.ts';
import { conflict, notFound, NOT_FOUND } from '../../errors.ts';
import { m } from './decisions.messages.ts';
import { writeAudit } from '../audit/audit.repository.ts';
import { requireGroupAccess } from '../groups/group-access.ts';
import { decisionRules } from './context.ts';
import * as repo from './decisions.repository.ts';
import type { correctDecisionBody, decisionParams } from '../../../contracts/decisions.ts';
import type { UseCaseInput } from '../../endpoints.ts';
import type { groupParams } from '../../../contracts/groups.ts';

type Counts = { agree: number; concerns: number; standAside: number; block: number };

export function presentDecision(row: repo.DecisionRow, correctedBy: string | null = null) {
  return {
    id: row.id,
    number: row.number,
    proposalId: row.proposalId,
    meetingId: row.meetingId,
    title: row.title,
    finalText: row.finalText,
    outcome: row.outcome as 'agreed' | 'not_agreed' | 'tied',
    castingVote: (row.castingVote as 'for' | 'against' | null) ?? null,
    method: row.method as 'consensus' | 'vote' | 'correction',
    summary: row.summary,
    consensus:
      (row.consensus as {
        counts: Counts;
        reasons: Record<keyof Counts, string[]>;
        outcome: 'consensus' | 'consensus_with_concerns' | 'no_consensus';
      } | null) ?? null,
    tally:
      (row.tally as {
        yes: number;
        no: number;
        abstain: number;
        eligible: number;
        voted: number;
      } | null) ?? null,
    opinions: row.opinions as {
      stance: 'for' | 'concerns' | 'stood_aside' | 'against';
      weight: 'majority' | 'minority' | 'even';
      count: number;
      reasons: string[];
    }[],
    decidedOn: row.decidedOn,
    recordedAt: row.recordedAt.toISOString(),
    corrects: row.corrects,
    correctionReason: row.correctionReason,
    correctedBy,
  };
}

function correctionsOf(rows: readonly repo.DecisionRow[]) {
  const by = new Map<string, string>();
  for (const r of rows) if (r.corrects) by.set(r.corrects, r.id);
  return by;
}

export async function listDecisions(
  { groupId }: UseCaseInput<{ params: typeof groupParams }>,
  { deps, actor }: UseCaseScope,
) {
  await requireGroupAccess(deps.db, actor, groupId, 'decision.view');
  const rows = await repo.listDecisions(deps.db, groupId);
  const corrected = correctionsOf(rows);
  return { decisions: rows.map((r) => presentDecision(r, corrected.get(r.id) ?? null)) };
}

export async function getDecision(
  { groupId, decisionId }: UseCaseInput<{ params: typeof decisionParams }>,
  { deps, actor }: UseCaseScope,
) {
  await requireGroupAccess(deps.db, actor, groupId, 'decision.view');
  const row = await repo.findDecision(deps.db, groupId, decisionId);
  if (!row) throw notFound(NOT_FOUND.decision);
  const corrected = correctionsOf(await repo.listDecisions(deps.db, groupId));
  return presentDecision(row, corrected.get(row.id) ?? null);
}

const CSV_COLUMNS = [
  'number',
  'decided_on',
  'title',
  'outcome',
  'method',
  'summary',
  'final_text',
  'consensus_agree',
  'consensus_concerns',
  'consensus_stood_aside',
  'consensus_blocks',
  'votes_yes',
  'votes_no',
  'votes_abstain',
  'eligible_voters',
  'opinions',
  'corrects_number',
  'correction_reason',
  'casting_vote',
] as const;

type CsvRecord = Record<(typeof CSV_COLUMNS)[number], string | number | null | undefined>;

export async function exportDecisions(
  deps: Deps,
  actor: Actor,
  groupId: string,
  format: 'csv' | 'json',
) {
  const { decisions } = await listDecisions({ groupId }, { deps, actor });
  if (format === 'json')
    return { type: 'application/json', body: JSON.stringify({ decisions }, null, 2) };
  const numberOf = new Map(decisions.map((d) => [d.id, d.number]));
  const records = [...decisions].reverse().map((d): CsvRecord => {
    const opinions = d.opinions
      .map(
        (o) =>
          `${o.weight} ${o.stance} (${o.count})${o.reasons.length ? `: ${o.reasons.join(' / ')}` : ''}`,
      )
      .join('; ');
    return {
      number: d.number,
      decided_on: d.decidedOn,
      title: d.title,
      outcome: d.outcome,
      method: d.method,
      summary: d.summary,
      final_text: d.finalText,
      consensus_agree: d.consensus?.counts.agree,
      consensus_concerns: d.consensus?.counts.concerns,
      consensus_stood_aside: d.consensus?.counts.standAside,
      consensus_blocks: d.consensus?.counts.block,
      votes_yes: d.tally?.yes,
      votes_no: d.tally?.no,
      votes_abstain: d.tally?.abstain,
      eligible_voters: d.tally?.eligible,
      opinions,
      corrects_number: d.corrects ? numberOf.get(d.corrects) : null,
      correction_reason: d.correctionReason,
      casting_vote: d.castingVote,
    };
  });
  // csv-stringify quotes only where needed and, with escape_formulas, puts a
  // ' before a cell a spreadsheet would run as a formula (= + - @, tab, CR).
  const body = stringify(records, {
    header: true,
    columns: [...CSV_COLUMNS],
    record_delimiter: 'windows',
    escape_formulas: true,
  });
  return { type: 'text/csv; charset=utf-8', body };
}

export async function correctDecision(
  {
    groupId,
    decisionId,
    ...input
  }: UseCaseInput<{ params: typeof decisionParams; body: typeof correctDecisionBody }>,
  { deps, actor }: UseCaseScope,
) {
  return deps.db.transaction(async (tx) => {
    const access = await requireGroupAccess(tx, actor, groupId, 'decision.correct');
    const rules = await decisionRules(tx, access.group);
    const original = await repo.findDecision(tx, groupId, decisionId);
    if (!original) throw notFound(NOT_FOUND.decision);
    const all = await repo.listDecisions(tx, groupId);
    if (all.some((d) => d.corrects === decisionId)) throw conflict(m.alreadyCorrected);
    const number = await repo.nextDecisionNumber(tx, groupId);
    const row = await repo.insertDecision(tx, {
      groupId,
      number,
      proposalId: original.proposalId,
      meetingId: original.meetingId,
      title: original.title,
      finalText: input.finalText,
      outcome: original.outcome,
      castingVote: original.castingVote,
      method: 'correction',
      summary: `Corrects decision ${original.number}: ${input.reason}`,
      consensus: original.consensus,
      tally: original.tally,
      opinions: original.opinions,
      decidedOn: calendarDateIn(rules.terms.cadence.timeZone, new Date()),
      recordedBy: access.actor.userId,
      corrects: original.id,
      correctionReason: input.reason,
    });
    await writeAudit(tx, {
      actorId: access.actor.userId,
      groupId,
      action: 'decision.corrected',
      subjectType: 'decision',
      subjectId: row.id,
      detail: { corrects: original.id, reason: input.reason },
    });
    return presentDecision(row);
  });
}
