/**
 * The learning log ("committed to learning when things go wrong, not to
 * attributing blame": entries have no person field) and suggestions, which
 * stay on the "to consider" list until the group records how it considered
 * them. Nothing here is ever deleted.
 */
import type { UseCaseScope } from '../../deps.ts';
import { calendarDateIn, phaseOf } from '../../../policy/index.ts';
import { conflict, invalid, notFound, NOT_FOUND } from '../../errors.ts';
import { FIELD } from '../../field-words.ts';
import { m } from './learning.messages.ts';
import { writeAudit } from '../audit/audit.repository.ts';
import { findDecision } from '../decisions/decisions.repository.ts';
import { requireGroupAccess } from '../groups/group-access.ts';
import * as meetingsRepo from '../meetings/meetings.repository.ts';
import * as repo from './learning.repository.ts';
import type { groupParams } from '../../../contracts/groups.ts';
import type {
  learningBody,
  suggestionBody,
  suggestionOutcomeBody,
  suggestionParams,
} from '../../../contracts/notes.ts';
import type { UseCaseInput } from '../../endpoints.ts';

function presentLearning(row: repo.LearningRow, released: boolean) {
  return {
    id: row.id,
    whatHappened: row.whatHappened,
    whatWeLearned: row.whatWeLearned,
    whatWeWillChange: row.whatWeWillChange,
    tags: row.tags,
    recordedOn: row.recordedOn,
    released,
  };
}

export async function addLearningEntry(
  { groupId, ...input }: UseCaseInput<{ params: typeof groupParams; body: typeof learningBody }>,
  { deps, actor }: UseCaseScope,
) {
  return deps.db.transaction(async (tx) => {
    const access = await requireGroupAccess(tx, actor, groupId, 'learning.add');
    const row = await repo.insertLearning(tx, {
      groupId,
      ...input,
      tags: [...new Set(input.tags)],
    });
    // The audit row says an entry was added, by whom, as every change does; the entry itself names no one.
    await writeAudit(tx, {
      actorId: access.actor.userId,
      groupId,
      action: 'learning.added',
      subjectType: 'learning_entry',
      subjectId: row.id,
    });
    return presentLearning(row, false);
  });
}

export async function listLearningEntries(
  { groupId }: UseCaseInput<{ params: typeof groupParams }>,
  { deps, actor }: UseCaseScope,
) {
  await requireGroupAccess(deps.db, actor, groupId, 'learning.view');
  const [rows, released] = await Promise.all([
    repo.listLearning(deps.db, groupId),
    repo.releasedIds(deps.db, groupId, 'learning'),
  ]);
  return { entries: rows.map((r) => presentLearning(r, released.has(r.id))) };
}

function presentSuggestion(row: repo.SuggestionRow) {
  return {
    id: row.id,
    text: row.text,
    madeOn: row.madeOn,
    status: row.outcome === null ? ('to_consider' as const) : ('considered' as const),
    consideredAtMeeting: row.consideredAtMeeting,
    consideredOn: row.consideredOn,
    outcome: row.outcome,
    decisionId: row.decisionId,
  };
}

export async function addSuggestion(
  { groupId, text }: UseCaseInput<{ params: typeof groupParams; body: typeof suggestionBody }>,
  { deps, actor }: UseCaseScope,
) {
  return deps.db.transaction(async (tx) => {
    await requireGroupAccess(tx, actor, groupId, 'suggestion.add');
    const row = await repo.insertSuggestion(tx, groupId, text);
    await writeAudit(tx, {
      actorId: null,
      groupId,
      action: 'suggestion.added',
      subjectType: 'suggestion',
      subjectId: row.id,
    });
    return presentSuggestion(row);
  });
}

export async function listSuggestions(
  { groupId }: UseCaseInput<{ params: typeof groupParams }>,
  { deps, actor }: UseCaseScope,
) {
  await requireGroupAccess(deps.db, actor, groupId, 'suggestion.view');
  return { suggestions: (await repo.listSuggestions(deps.db, groupId)).map(presentSuggestion) };
}

export async function recordSuggestionOutcome(
  {
    groupId,
    suggestionId,
    ...input
  }: UseCaseInput<{ params: typeof suggestionParams; body: typeof suggestionOutcomeBody }>,
  { deps, actor }: UseCaseScope,
) {
  return deps.db.transaction(async (tx) => {
    const access = await requireGroupAccess(tx, actor, groupId, 'suggestion.outcome');
    const row = await repo.findSuggestion(tx, groupId, suggestionId);
    if (!row) throw notFound(NOT_FOUND.suggestion);
    if (row.outcome !== null) throw conflict(m.alreadyConsidered);
    const meeting = await meetingsRepo.findMeeting(tx, groupId, input.meetingId);
    if (!meeting || meeting.status === 'cancelled' || phaseOf(meeting) === 'upcoming')
      throw invalid({ meetingId: FIELD.pastMeetingOfGroup });
    if (input.decisionId && !(await findDecision(tx, groupId, input.decisionId)))
      throw invalid({ decisionId: FIELD.notDecisionOfGroup });
    const updated = await repo.recordOutcome(tx, suggestionId, {
      consideredAtMeeting: meeting.id,
      consideredOn: calendarDateIn(meeting.timeZone, meeting.startsAt),
      outcome: input.outcome,
      decisionId: input.decisionId ?? null,
    });
    await writeAudit(tx, {
      actorId: access.actor.userId,
      groupId,
      action: 'suggestion.considered',
      subjectType: 'suggestion',
      subjectId: suggestionId,
      detail: { meetingId: meeting.id, decisionId: input.decisionId ?? null },
    });
    return presentSuggestion(updated);
  });
}
