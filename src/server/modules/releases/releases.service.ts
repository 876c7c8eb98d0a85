/**
 * "Information shared for the process should not be shared outside the group
 * unless specifically agreed by the group." Everything is the group's alone
 * until released: to its public page, or to named linked groups, only through
 * a recorded decision, or where the ToR allows, a chair's record of the
 * group's agreement at a named meeting. Withdrawing goes the same way. The
 * public page shows released items and nothing else.
 */
import { renderTermsMarkdown, type Terms } from '../../../policy/index.ts';
import type { Actor } from '../../access.ts';
import type { Deps, Executor } from '../../deps.ts';
import { conflict, invalid, notFound } from '../../errors.ts';
import { writeAudit } from '../audit/audit.repository.ts';
import * as decisionsRepo from '../decisions/decisions.repository.ts';
import { requireGroupAccess, type GroupAccess } from '../groups/group-access.ts';
import * as learningRepo from '../learning/learning.repository.ts';
import * as meetingsRepo from '../meetings/meetings.repository.ts';
import { phaseOf } from '../meetings/meetings.service.ts';
import * as notesRepo from '../notes/notes.repository.ts';
import { findAdoptedVersionById, findInForce } from '../terms/terms.repository.ts';
import * as repo from './releases.repository.ts';

type ItemType = 'notes' | 'decision' | 'learning' | 'paper' | 'terms' | 'suggestion';
type Authority = { decisionId?: string | undefined; agreedAtMeeting?: string | undefined };

function presentRelease(r: repo.ReleaseRow) {
  return {
    id: r.id,
    itemType: r.itemType as ItemType,
    itemId: r.itemId,
    audience: r.audience as 'public' | 'groups',
    groupIds: r.groupIds,
    decisionId: r.decisionId,
    agreedAtMeeting: r.agreedAtMeeting,
    releasedAt: r.releasedAt.toISOString(),
    withdrawnAt: r.withdrawnAt?.toISOString() ?? null,
  };
}

/** The decision or recorded agreement that lets an item leave the group. */
async function checkAuthority(tx: Executor, access: GroupAccess, input: Authority) {
  if (Boolean(input.decisionId) === Boolean(input.agreedAtMeeting))
    throw invalid(
      {
        decisionId: 'name the decision that agreed this, or the meeting where the group agreed it',
      },
      'Releasing needs the group’s agreement: a recorded decision, or where the ToR allows, the meeting where the group agreed.',
    );
  if (input.decisionId) {
    const decision = await decisionsRepo.findDecision(tx, access.group.id, input.decisionId);
    if (!decision) throw invalid({ decisionId: 'is not a decision of this group' });
    if (decision.outcome !== 'agreed')
      throw invalid({ decisionId: 'that decision did not agree the proposal' });
    return;
  }
  const inForce = await findInForce(tx, access.group.id);
  const terms = inForce?.document as Terms | undefined;
  if (!terms?.confidentiality.chairMayRecordAgreement)
    throw invalid({
      agreedAtMeeting:
        'our Terms of Reference release only by a recorded decision: name the decision',
    });
  const meeting = await meetingsRepo.findMeeting(tx, access.group.id, input.agreedAtMeeting!);
  if (!meeting || meeting.status === 'cancelled' || phaseOf(meeting) === 'upcoming')
    throw invalid({ agreedAtMeeting: 'must be a meeting of this group that has taken place' });
}

/** The item as it would appear outside the group; undefined if it is not this group's or not ready. */
async function readItem(
  db: Executor,
  groupId: string,
  type: ItemType,
  itemId: string,
): Promise<{ title: string; body: string; date: string } | undefined> {
  if (type === 'notes') {
    const meeting = await meetingsRepo.findMeeting(db, groupId, itemId);
    if (!meeting) return undefined;
    const approved = (await notesRepo.versionsOf(db, itemId)).find((v) => v.status === 'approved');
    if (!approved) return undefined;
    const content = approved.content as {
      summary: string;
      items: { itemId: string; discussion: string }[];
    };
    const titles = new Map((await meetingsRepo.listItems(db, itemId)).map((i) => [i.id, i.title]));
    const body = [
      content.summary,
      ...content.items.map((i) => `## ${titles.get(i.itemId) ?? 'Item'}\n\n${i.discussion}`),
    ].join('\n\n');
    return {
      title: `Notes: ${meeting.title}`,
      body,
      date: meeting.startsAt.toISOString().slice(0, 10),
    };
  }
  if (type === 'decision') {
    const d = await decisionsRepo.findDecision(db, groupId, itemId);
    return (
      d && {
        title: `Decision ${d.number}: ${d.title}`,
        body: `${d.finalText}\n\n${d.summary}`,
        date: d.decidedOn,
      }
    );
  }
  if (type === 'learning') {
    const e = await learningRepo.findLearning(db, groupId, itemId);
    return (
      e && {
        title: 'What we learned',
        body: `What happened: ${e.whatHappened}\n\nWhat we learned: ${e.whatWeLearned}\n\nWhat we will change: ${e.whatWeWillChange}`,
        date: e.recordedOn,
      }
    );
  }
  if (type === 'suggestion') {
    const s = await learningRepo.readSuggestion(db, groupId, itemId);
    return (
      s && {
        title: 'You said, we did',
        body: `You said: ${s.text}${s.outcome ? `\n\nWe did: ${s.outcome}` : ''}`,
        date: s.consideredOn ?? s.madeOn,
      }
    );
  }
  if (type === 'paper') {
    const p = await meetingsRepo.findPaperById(db, groupId, itemId);
    return (
      p && {
        title: `Paper: ${p.title}`,
        body: `${p.fileName} (${p.mediaType})`,
        date: p.uploadedAt.toISOString().slice(0, 10),
      }
    );
  }
  // One adopted version of the Terms of Reference, named by its id: a later
  // version is not released with it.
  const version = await findAdoptedVersionById(db, groupId, itemId);
  return (
    version && {
      title: `Terms of Reference, version ${version.number}`,
      body: renderTermsMarkdown(version.document as Terms),
      date: version.adoptedOn ?? '',
    }
  );
}

export async function releaseItem(
  deps: Deps,
  actor: Actor,
  groupId: string,
  input: Authority & {
    itemType: ItemType;
    itemId: string;
    audience: 'public' | 'groups';
    groupIds: string[];
  },
) {
  return deps.db.transaction(async (tx) => {
    const access = await requireGroupAccess(tx, actor, groupId, 'release.manage');
    await checkAuthority(tx, access, input);
    if (!(await readItem(tx, groupId, input.itemType, input.itemId)))
      throw invalid({
        itemId:
          input.itemType === 'notes'
            ? 'must be a meeting of this group whose notes are approved'
            : input.itemType === 'terms'
              ? 'must be an adopted version of this group’s Terms of Reference'
              : `is not a ${input.itemType} of this group`,
      });
    if (input.audience === 'groups' && input.groupIds.length === 0)
      throw invalid({ groupIds: 'name the linked groups that may read it' });
    for (const [i, other] of input.groupIds.entries())
      if (other === groupId || !(await repo.groupRow(tx, other)))
        throw invalid({ [`groupIds.${i}`]: 'is not another group' });
    const row = await repo.insertRelease(tx, {
      groupId,
      itemType: input.itemType,
      itemId: input.itemId,
      audience: input.audience,
      groupIds: input.audience === 'groups' ? input.groupIds : [],
      decisionId: input.decisionId ?? null,
      agreedAtMeeting: input.agreedAtMeeting ?? null,
      recordedBy: access.actor.userId,
    });
    if (!row) throw conflict('This item is already released to that audience.');
    await writeAudit(tx, {
      actorId: access.actor.userId,
      groupId,
      action: 'release.released',
      subjectType: input.itemType,
      subjectId: input.itemId,
      detail: { releaseId: row.id, ...input, groupIds: row.groupIds },
    });
    return presentRelease(row);
  });
}

export async function withdrawRelease(
  deps: Deps,
  actor: Actor,
  groupId: string,
  releaseId: string,
  input: Authority,
) {
  return deps.db.transaction(async (tx) => {
    const access = await requireGroupAccess(tx, actor, groupId, 'release.manage');
    const row = await repo.findRelease(tx, groupId, releaseId);
    if (!row) throw notFound('That release');
    if (row.withdrawnAt) return presentRelease(row);
    await checkAuthority(tx, access, input);
    const updated = await repo.withdraw(tx, releaseId, {
      withdrawnBy: access.actor.userId,
      withdrawDecisionId: input.decisionId ?? null,
      withdrawAgreedAtMeeting: input.agreedAtMeeting ?? null,
    });
    await writeAudit(tx, {
      actorId: access.actor.userId,
      groupId,
      action: 'release.withdrawn',
      subjectType: row.itemType,
      subjectId: row.itemId,
      detail: { releaseId, ...input },
    });
    return presentRelease(updated);
  });
}

/**
 * The group's public page: what it released to everyone, and to a signed-in
 * reader, what it released to a linked group they are in. A group with
 * nothing released to this reader answers exactly like a group that does not
 * exist. The group's own people also see the list of releases.
 */
export async function listReleasedItems(deps: Deps, actor: Actor, groupId: string) {
  const group = await repo.groupRow(deps.db, groupId);
  const mine = actor ? await repo.groupsOf(deps.db, actor.userId) : new Set<string>();
  const current = group ? await repo.currentReleases(deps.db, groupId) : [];
  const visible = current.filter(
    (r) => r.audience === 'public' || r.groupIds.some((g) => mine.has(g)),
  );
  const items = [];
  for (const r of visible) {
    const item = await readItem(deps.db, groupId, r.itemType as ItemType, r.itemId);
    if (item)
      items.push({
        releaseId: r.id,
        itemType: r.itemType as ItemType,
        ...item,
        fileUrl:
          r.itemType === 'paper' ? `/api/v1/public/groups/${groupId}/releases/${r.id}/file` : null,
      });
  }
  const member = mine.has(groupId);
  if (!group || (items.length === 0 && !member)) throw notFound('That group');
  return {
    group: { id: group.id, name: group.name, purpose: group.purpose },
    items,
    ...(member ? { releases: (await repo.allReleases(deps.db, groupId)).map(presentRelease) } : {}),
  };
}

/**
 * A released paper's file, for whoever the release reaches: everyone for a
 * public release, people in the named linked groups otherwise. A withdrawn
 * release, or one this reader is not given, answers like one that does not exist.
 */
export async function downloadReleasedPaper(
  deps: Deps,
  actor: Actor,
  groupId: string,
  releaseId: string,
) {
  const release = await repo.findCurrentRelease(deps.db, groupId, releaseId);
  const mine = actor ? await repo.groupsOf(deps.db, actor.userId) : new Set<string>();
  const reaches =
    release?.itemType === 'paper' &&
    (release.audience === 'public' || release.groupIds.some((g) => mine.has(g)));
  const paper = reaches
    ? await meetingsRepo.findPaperFile(deps.db, groupId, release.itemId)
    : undefined;
  if (!paper) throw notFound('That file');
  return paper;
}
