import {
  adoptionDateProblem,
  calendarDateIn,
  diffFields,
  earliestAdoptionDate,
  diffLines,
  isTimeZone,
  longDate,
  renderTermsMarkdown,
  reviewStatus,
  SEED_TEXT,
  seedTemplate,
  validateTerms,
  type Terms,
} from '../../../policy/index.ts';
import type { Deps, Executor, UseCaseScope } from '../../deps.ts';
import {
  conflict,
  invalid,
  notFound,
  type FieldErrors,
  type Localised,
  NOT_FOUND,
  say,
} from '../../errors.ts';
import { FIELD, fieldWords } from '../../field-words.ts';
import { formatCalendarDate } from '../../../i18n/dates.ts';
import { m } from './terms.messages.ts';
import { writeAudit } from '../audit/audit.repository.ts';
import { countPeople } from '../groups/groups.repository.ts';
import { requireGroupAccess } from '../groups/group-access.ts';
import { reviewNoticeEmail } from '../mail/emails/index.ts';
import { enqueue } from '../mail/outbox.repository.ts';
import * as repo from './terms.repository.ts';
import { findDecision } from '../decisions/decisions.repository.ts';
import { findMeeting } from '../meetings/meetings.repository.ts';
import { rescheduleAfterAdoption } from '../meetings/scheduling.service.ts';
import type { groupParams } from '../../../contracts/groups.ts';
import type {
  acceptBody,
  adoptDraftBody,
  createDraftBody,
  diffQuery,
  reminderBody,
  updateDraftBody,
  versionParams,
} from '../../../contracts/terms.ts';
import type { UseCaseInput } from '../../endpoints.ts';

type Status = 'draft' | 'in_force' | 'superseded';

function present(row: repo.TermsRow) {
  const document = row.document as Terms;
  return {
    id: row.id,
    number: row.number,
    status: row.status as Status,
    adoptedOn: row.adoptedOn,
    adoptionNote: row.adoptionNote,
    decisionId: row.decisionId,
    updatedAt: row.updatedAt.toISOString(),
    document,
    markdown: renderTermsMarkdown(document),
  };
}

/** Today's date where the group meets. */
function todayFor(terms: Terms, now = new Date()): string {
  return calendarDateIn(terms.cadence.timeZone, now);
}

/** The draft, with the dates it can be adopted on (the editor shows the rule). */
async function presentDraft(db: Executor, groupId: string, draft: repo.TermsRow) {
  const previous = await repo.findInForce(db, groupId);
  const terms = draft.document as Terms;
  return {
    ...present(draft),
    adoptionDates: {
      earliest: earliestAdoptionDate(
        calendarDateIn(terms.cadence.timeZone, draft.createdAt),
        previous?.adoptedOn ?? null,
      ),
      today: todayFor(terms),
      firstVersion: !previous,
    },
  };
}

function reviewOf(row: repo.TermsRow) {
  if (!row.adoptedOn) return null;
  const terms = row.document as Terms;
  return reviewStatus(row.adoptedOn, terms, todayFor(terms));
}

export async function getTermsInForce(
  { groupId }: UseCaseInput<{ params: typeof groupParams }>,
  { deps, actor }: UseCaseScope,
) {
  const access = await requireGroupAccess(deps.db, actor, groupId, 'terms.view');
  const [inForce, draft] = await Promise.all([
    repo.findInForce(deps.db, groupId),
    repo.findDraft(deps.db, groupId),
  ]);
  const acceptance = inForce
    ? await repo.findAcceptance(deps.db, inForce.id, access.actor.userId)
    : undefined;
  return {
    version: inForce ? present(inForce) : null,
    review: inForce ? reviewOf(inForce) : null,
    myAcceptance: acceptance ? { acceptedAt: acceptance.acceptedAt.toISOString() } : null,
    hasDraft: Boolean(draft),
  };
}

export async function listTermsVersions(
  { groupId }: UseCaseInput<{ params: typeof groupParams }>,
  { deps, actor }: UseCaseScope,
) {
  await requireGroupAccess(deps.db, actor, groupId, 'terms.view');
  const rows = await repo.listVersions(deps.db, groupId);
  return rows.map((r) => ({
    id: r.id,
    number: r.number ?? 0,
    status: r.status as 'in_force' | 'superseded',
    adoptedOn: r.adoptedOn ?? '',
    adoptionNote: r.adoptionNote ?? '',
  }));
}

async function versionOrNotFound(db: Executor, groupId: string, number: number) {
  const row = await repo.findVersion(db, groupId, number);
  if (!row) throw notFound(say(NOT_FOUND.termsVersion, { number }));
  return row;
}

export async function getTermsVersion(
  { groupId, number }: UseCaseInput<{ params: typeof versionParams }>,
  { deps, actor }: UseCaseScope,
) {
  await requireGroupAccess(deps.db, actor, groupId, 'terms.view');
  return present(await versionOrNotFound(deps.db, groupId, number));
}

export async function getTermsDraft(
  { groupId }: UseCaseInput<{ params: typeof groupParams }>,
  { deps, actor }: UseCaseScope,
) {
  await requireGroupAccess(deps.db, actor, groupId, 'terms.draft');
  const draft = await repo.findDraft(deps.db, groupId);
  if (!draft) throw notFound(NOT_FOUND.draft);
  return presentDraft(deps.db, groupId, draft);
}

/**
 * A chair starts a draft: from the version in force (for a review or a
 * change), or, for a new group, from the seed template with its choices made.
 */
export async function createTermsDraft(
  { groupId, ...input }: UseCaseInput<{ params: typeof groupParams; body: typeof createDraftBody }>,
  { deps, actor }: UseCaseScope,
) {
  return deps.db.transaction(async (tx) => {
    const access = await requireGroupAccess(tx, actor, groupId, 'terms.draft');
    await repo.lockGroupTerms(tx, groupId);
    if (await repo.findDraft(tx, groupId)) {
      throw conflict(m.draftExists);
    }
    const inForce = await repo.findInForce(tx, groupId);
    const from = input.from ?? (inForce ? 'in_force' : 'template');
    const language = input.language ?? 'en-GB';
    let document: Terms;
    if (from === 'in_force') {
      if (!inForce) throw invalid({ from: m.nothingInForce });
      document = inForce.document as Terms;
    } else {
      const choices = input.choices ?? {};
      const timeZone = choices.timeZone ?? 'Europe/London';
      if (!isTimeZone(timeZone)) {
        throw invalid({ 'choices.timeZone': FIELD.timeZone });
      }
      const drafted = seedTemplate({
        title: SEED_TEXT[language].titleFor(access.group.name),
        ...(access.group.purpose ? { purpose: access.group.purpose } : {}),
        ...choices,
        timeZone,
        startsOn: choices.startsOn ?? calendarDateIn(timeZone, new Date()),
        language,
      });
      const checked = validateTerms(drafted);
      if (!checked.ok) throw invalid(prefixed(checked.fields, 'choices'), m.badChoices);
      document = checked.terms;
    }
    const row = await repo.insertDraft(tx, { groupId, document, createdBy: access.actor.userId });
    await writeAudit(tx, {
      actorId: access.actor.userId,
      groupId,
      action: 'terms.draft_created',
      subjectType: 'terms_version',
      subjectId: row.id,
      detail:
        from === 'in_force'
          ? { from, basedOn: inForce?.number ?? null }
          : { from, basedOn: null, language },
    });
    return presentDraft(tx, groupId, row);
  });
}

/** The checker's problems under `prefix`, each in the catalogue's words where it has them. */
function prefixed(fields: Record<string, string>, prefix: string): FieldErrors {
  return Object.fromEntries(
    Object.entries(fields).map(([k, v]) => [`${prefix}.${k}`, fieldWords(v)]),
  );
}

/** A calendar date in the reader's words: "9 March 2027", "9 Mawrth 2027". */
function dateWords(date: string): Localised {
  return (locale) => formatCalendarDate(date, locale);
}

export async function updateTermsDraft(
  { groupId, document }: UseCaseInput<{ params: typeof groupParams; body: typeof updateDraftBody }>,
  { deps, actor }: UseCaseScope,
) {
  const checked = validateTerms(document);
  return deps.db.transaction(async (tx) => {
    const access = await requireGroupAccess(tx, actor, groupId, 'terms.draft');
    const draft = await repo.findDraft(tx, groupId);
    if (!draft) throw notFound(NOT_FOUND.draft);
    if (!checked.ok) {
      throw invalid(prefixed(checked.fields, 'document'), m.draftNeedsFixing);
    }
    const row = await repo.updateDraft(tx, draft.id, checked.terms);
    const changes = diffFields(draft.document, checked.terms).map((c) => c.path);
    await writeAudit(tx, {
      actorId: access.actor.userId,
      groupId,
      action: 'terms.draft_updated',
      subjectType: 'terms_version',
      subjectId: row.id,
      detail: { changed: changes.slice(0, 100) },
    });
    return presentDraft(tx, groupId, row);
  });
}

/**
 * Adopting a draft makes it the version in force: numbered, dated, immutable.
 * Until decisions are recorded in Accord, the chair records how the group
 * agreed it ("adopted by consensus at the meeting of DATE").
 */
export async function adoptTermsDraft(
  { groupId, ...input }: UseCaseInput<{ params: typeof groupParams; body: typeof adoptDraftBody }>,
  { deps, actor }: UseCaseScope,
) {
  return deps.db.transaction(async (tx) => {
    const access = await requireGroupAccess(tx, actor, groupId, 'terms.draft');
    await repo.lockGroupTerms(tx, groupId);
    const draft = await repo.findDraft(tx, groupId);
    if (!draft) throw notFound(NOT_FOUND.draft);
    // A quorum larger than the group could reach would stop it deciding anything.
    const checked = validateTerms(draft.document, { groupSize: await countPeople(tx, groupId) });
    if (!checked.ok) {
      throw invalid(prefixed(checked.fields, 'document'), m.fixBeforeAdopting);
    }
    let decision: Awaited<ReturnType<typeof findDecision>> | undefined;
    if (input.decisionId) {
      decision = await findDecision(tx, groupId, input.decisionId);
      if (!decision) throw invalid({ decisionId: FIELD.notDecisionOfGroup });
      if (decision.outcome !== 'agreed') throw invalid({ decisionId: m.notAgreed });
    }
    const number = await repo.nextNumber(tx, groupId);
    const previous = await repo.findInForce(tx, groupId);
    const terms = checked.terms;
    const problem = adoptionDateProblem({
      adoptedOn: input.adoptedOn,
      draftStartedOn: calendarDateIn(terms.cadence.timeZone, draft.createdAt),
      // Versions follow each other in time, so "the version in force on a day" has one answer.
      previousAdoptedOn: previous?.adoptedOn ?? null,
      today: todayFor(terms),
      futureConfirmed: input.takesEffectLater === true,
    });
    if (problem?.rule === 'too_early') {
      throw invalid({
        adoptedOn:
          problem.because === 'previous'
            ? say(m.afterPrevious, {
                date: dateWords(problem.earliest),
                number: previous?.number ?? '',
              })
            : say(m.afterDraftStarted, { date: dateWords(problem.earliest) }),
      });
    }
    if (problem?.rule === 'future_unconfirmed') {
      throw invalid({
        adoptedOn: say(m.afterToday, { date: dateWords(problem.today) }),
      });
    }
    await repo.supersede(tx, groupId);
    const note =
      input.note ??
      (decision
        ? `Adopted by decision ${decision.number} (${decision.method === 'vote' ? 'a formal vote' : 'consensus'}) on ${longDate(decision.decidedOn)}.`
        : input.adoptedOn > todayFor(terms)
          ? `Agreed by the group, to take effect on ${longDate(input.adoptedOn)}.`
          : `Adopted by consensus at the meeting of ${longDate(input.adoptedOn)}.`);
    const row = await repo.adopt(tx, draft.id, {
      number,
      adoptedOn: input.adoptedOn,
      adoptedBy: access.actor.userId,
      adoptionNote: note,
      decisionId: decision?.id ?? null,
    });
    await writeAudit(tx, {
      actorId: access.actor.userId,
      groupId,
      action: 'terms.adopted',
      subjectType: 'terms_version',
      subjectId: row.id,
      detail: { number, adoptedOn: input.adoptedOn, note, supersedes: previous?.number ?? null },
    });
    await rescheduleAfterAdoption(
      tx,
      access.group,
      previous ? (previous.document as Terms) : null,
      row.document as Terms,
      access.actor.userId,
    );
    return present(row);
  });
}

export async function diffTermsVersions(
  { groupId, from, to }: UseCaseInput<{ params: typeof groupParams; query: typeof diffQuery }>,
  { deps, actor }: UseCaseScope,
) {
  await requireGroupAccess(deps.db, actor, groupId, to === 'draft' ? 'terms.draft' : 'terms.view');
  const before = await versionOrNotFound(deps.db, groupId, from);
  const after =
    to === 'draft'
      ? await repo.findDraft(deps.db, groupId)
      : await versionOrNotFound(deps.db, groupId, to);
  if (!after) throw notFound(NOT_FOUND.draft);
  return {
    from,
    to,
    fields: diffFields(before.document, after.document),
    lines: diffLines(
      renderTermsMarkdown(before.document as Terms),
      renderTermsMarkdown(after.document as Terms),
    ),
  };
}

export async function acceptTerms(
  { groupId, number }: UseCaseInput<{ params: typeof groupParams; body: typeof acceptBody }>,
  { deps, actor }: UseCaseScope,
) {
  return deps.db.transaction(async (tx) => {
    const access = await requireGroupAccess(tx, actor, groupId, 'terms.accept');
    const inForce = await repo.findInForce(tx, groupId);
    if (!inForce) throw notFound(NOT_FOUND.termsInForce);
    if (inForce.number !== number) {
      throw conflict(say(m.noLongerInForce, { number, inForce: inForce.number ?? 0 }), {
        number: say(m.versionInForce, { inForce: inForce.number ?? 0 }),
      });
    }
    await repo.insertAcceptance(tx, inForce.id, access.actor.userId);
    await writeAudit(tx, {
      actorId: access.actor.userId,
      groupId,
      action: 'terms.accepted',
      subjectType: 'terms_version',
      subjectId: inForce.id,
      detail: { number },
    });
    const acceptance = await repo.findAcceptance(tx, inForce.id, access.actor.userId);
    return { acceptedAt: (acceptance?.acceptedAt ?? new Date()).toISOString() };
  });
}

export async function listTermsAcceptances(
  { groupId }: UseCaseInput<{ params: typeof groupParams }>,
  { deps, actor }: UseCaseScope,
) {
  await requireGroupAccess(deps.db, actor, groupId, 'terms.view');
  const inForce = await repo.findInForce(deps.db, groupId);
  if (!inForce) return { number: null, people: [] };
  const rows = await repo.listAcceptances(deps.db, groupId, inForce.id);
  return {
    number: inForce.number,
    people: rows.map((r) => ({
      userId: r.userId,
      name: r.name,
      acceptedAt: r.acceptedAt?.toISOString() ?? null,
    })),
  };
}

/** "A reminder of clause N was raised": never against a name, not even in the database. */
export async function raiseBehaviourReminder(
  {
    groupId,
    clause,
    meetingId,
  }: UseCaseInput<{ params: typeof groupParams; body: typeof reminderBody }>,
  { deps, actor }: UseCaseScope,
) {
  return deps.db.transaction(async (tx) => {
    await requireGroupAccess(tx, actor, groupId, 'reminder.raise');
    if (meetingId && !(await findMeeting(tx, groupId, meetingId)))
      throw invalid({ meetingId: FIELD.notMeetingOfGroup });
    const inForce = await repo.findInForce(tx, groupId);
    if (!inForce) throw notFound(NOT_FOUND.behaviourAgreement);
    const clauses = (inForce.document as Terms).behaviour.clauses;
    if (clause > clauses.length) {
      throw invalid({ clause: say(m.behaviourClause, { count: clauses.length }) });
    }
    const row = await repo.insertReminder(tx, { groupId, meetingId: meetingId ?? null, clause });
    return { clause: row.clause, raisedOn: row.raisedOn };
  });
}

export async function listBehaviourReminders(
  { groupId }: UseCaseInput<{ params: typeof groupParams }>,
  { deps, actor }: UseCaseScope,
) {
  await requireGroupAccess(deps.db, actor, groupId, 'reminder.view');
  const [inForce, counts] = await Promise.all([
    repo.findInForce(deps.db, groupId),
    repo.countReminders(deps.db, groupId),
  ]);
  const clauses = inForce ? (inForce.document as Terms).behaviour.clauses : [];
  const byClause = new Map(counts.map((c) => [c.clause, Number(c.count)]));
  return clauses.map((text, index) => ({
    clause: index + 1,
    text,
    count: byClause.get(index + 1) ?? 0,
  }));
}

/**
 * Emails the chairs once when a version's review comes within its notice
 * period. Safe to run in every instance: each notice is claimed by one.
 */
export async function sendReviewNotices(deps: Deps, now = new Date()): Promise<number> {
  const due = await repo.claimReviewNotices(deps.db, (row) => {
    if (!row.adoptedOn) return false;
    const terms = row.document as Terms;
    return reviewStatus(row.adoptedOn, terms, todayFor(terms, now)).state !== 'ok';
  });
  let sent = 0;
  for (const row of due) {
    await deps.db.transaction(async (tx) => {
      if (!(await repo.markReviewNoticeSent(tx, row.id))) return;
      const terms = row.document as Terms;
      const status = reviewStatus(row.adoptedOn!, terms, todayFor(terms, now));
      for (const chair of await repo.listChairEmails(tx, row.groupId)) {
        await enqueue(tx, {
          to: chair.email,
          ...reviewNoticeEmail(chair.language, {
            name: chair.name,
            termsTitle: terms.title,
            version: row.number!,
            adoptedOn: row.adoptedOn!,
            dueOn: status.dueOn,
            overdue: status.state === 'overdue',
          }),
        });
      }
      sent++;
    });
  }
  if (sent > 0) deps.kickMail();
  return sent;
}
