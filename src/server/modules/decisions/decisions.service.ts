/**
 * The decision register: every record, its export, and corrections. A record
 * never changes; a correction is a new record linked to the one it corrects.
 */
import { calendarDateIn } from '../../../policy/index.ts';
import type { Actor } from '../../access.ts';
import type { Deps } from '../../deps.ts';
import { conflict, notFound } from '../../errors.ts';
import { writeAudit } from '../audit/audit.repository.ts';
import { requireGroupAccess } from '../groups/group-access.ts';
import { decisionRules } from './context.ts';
import * as repo from './decisions.repository.ts';

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

export async function listDecisions(deps: Deps, actor: Actor, groupId: string) {
  await requireGroupAccess(deps.db, actor, groupId, 'decision.view');
  const rows = await repo.listDecisions(deps.db, groupId);
  const corrected = correctionsOf(rows);
  return { decisions: rows.map((r) => presentDecision(r, corrected.get(r.id) ?? null)) };
}

export async function getDecision(deps: Deps, actor: Actor, groupId: string, decisionId: string) {
  await requireGroupAccess(deps.db, actor, groupId, 'decision.view');
  const row = await repo.findDecision(deps.db, groupId, decisionId);
  if (!row) throw notFound('That decision');
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

function csvCell(value: unknown): string {
  const text = value === null || value === undefined ? '' : String(value);
  // A leading =, +, - or @ would be read as a formula by a spreadsheet.
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export async function exportDecisions(
  deps: Deps,
  actor: Actor,
  groupId: string,
  format: 'csv' | 'json',
) {
  const { decisions } = await listDecisions(deps, actor, groupId);
  if (format === 'json')
    return { type: 'application/json', body: JSON.stringify({ decisions }, null, 2) };
  const numberOf = new Map(decisions.map((d) => [d.id, d.number]));
  const lines = [CSV_COLUMNS.join(',')];
  for (const d of [...decisions].reverse()) {
    const opinions = d.opinions
      .map(
        (o) =>
          `${o.weight} ${o.stance} (${o.count})${o.reasons.length ? `: ${o.reasons.join(' / ')}` : ''}`,
      )
      .join('; ');
    lines.push(
      [
        d.number,
        d.decidedOn,
        d.title,
        d.outcome,
        d.method,
        d.summary,
        d.finalText,
        d.consensus?.counts.agree,
        d.consensus?.counts.concerns,
        d.consensus?.counts.standAside,
        d.consensus?.counts.block,
        d.tally?.yes,
        d.tally?.no,
        d.tally?.abstain,
        d.tally?.eligible,
        opinions,
        d.corrects ? numberOf.get(d.corrects) : null,
        d.correctionReason,
        d.castingVote,
      ]
        .map(csvCell)
        .join(','),
    );
  }
  return { type: 'text/csv; charset=utf-8', body: `${lines.join('\r\n')}\r\n` };
}

export async function correctDecision(
  deps: Deps,
  actor: Actor,
  groupId: string,
  decisionId: string,
  input: { finalText: string; reason: string },
) {
  return deps.db.transaction(async (tx) => {
    const access = await requireGroupAccess(tx, actor, groupId, 'decision.correct');
    const rules = await decisionRules(tx, access.group);
    const original = await repo.findDecision(tx, groupId, decisionId);
    if (!original) throw notFound('That decision');
    const all = await repo.listDecisions(tx, groupId);
    if (all.some((d) => d.corrects === decisionId))
      throw conflict('This record has already been corrected: correct the newer record instead.');
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
