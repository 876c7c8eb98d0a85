/**
 * A group's public page beyond what it released, and asking to join from it.
 *
 * "Membership is open to all": anyone may find a group's purpose and ask to
 * join. A request reaches the group's chairs by email and on the group's home;
 * a chair accepts (the person joins as a participant, as with an invitation)
 * or declines (the person is told, kindly). One open request per person and
 * group (held by the database); a few requests a day per person, so that no
 * one can flood chairs' inboxes.
 */
import type { Actor } from '../../access.ts';
import { authorize, groupRoleCan, requireSignedIn } from '../../access.ts';
import type { Deps, Executor, UseCaseScope } from '../../deps.ts';
import { conflict, notFound, rateLimited, NOT_FOUND, say } from '../../errors.ts';
import { m } from './groups.messages.ts';
import { intlFor } from '../../i18n.ts';
import { writeAudit } from '../audit/audit.repository.ts';
import { enqueue } from '../mail/outbox.repository.ts';
import { releasedTo } from '../releases/releases.service.ts';
import { findDraft, findInForce, listChairEmails } from '../terms/terms.repository.ts';
import { requireGroupAccess } from './group-access.ts';
import * as groupsRepo from './groups.repository.ts';
import { acceptedMail, askedMail, declinedMail } from './join-requests.mail.ts';
import * as repo from './join-requests.repository.ts';
import type {
  askToJoinBody,
  decideJoinRequestBody,
  joinRequestParams,
  publicPageParams,
  updatePublicPageBody,
} from '../../../contracts/join-requests.ts';
import type { UseCaseInput } from '../../endpoints.ts';

/** How many requests to join one person may make in a day, across all groups. */
export const JOIN_REQUESTS_PER_DAY = 5;
const DAY_MS = 86_400_000;
/** How many upcoming meetings the public page lists, when the group shows them. */
const PUBLIC_MEETINGS = 6;

type PurposeSource = 'terms' | 'draft' | 'group' | 'none';

function purposeOf(document: unknown): string | null {
  if (document === null || typeof document !== 'object') return null;
  const purpose = (document as { purpose?: unknown }).purpose;
  return typeof purpose === 'string' && purpose.trim() !== '' ? purpose.trim() : null;
}

/** The purpose from the ToR in force, else from the draft, else the group's own line. */
async function publicPurpose(db: Executor, groupId: string, groupLine: string) {
  const inForce = purposeOf((await findInForce(db, groupId))?.document);
  if (inForce) return { text: inForce, source: 'terms' as PurposeSource };
  const draft = purposeOf((await findDraft(db, groupId))?.document);
  if (draft) return { text: draft, source: 'draft' as PurposeSource };
  if (groupLine.trim() !== '') return { text: groupLine.trim(), source: 'group' as PurposeSource };
  return { text: null, source: 'none' as PurposeSource };
}

/**
 * Who may see the page: anyone when the group is listed (the default); when
 * a chair unlisted it, only its own people and readers something is released
 * to. Everyone else is answered exactly as for a group that does not exist.
 */
async function visiblePage(deps: Deps, actor: Actor, groupId: string) {
  const group = await repo.findGroup(deps.db, groupId);
  if (!group) throw notFound(NOT_FOUND.group);
  const settings = await repo.findPublicPageSettings(deps.db, groupId);
  const role = actor ? await groupsRepo.findRole(deps.db, groupId, actor.userId) : null;
  if (!settings.listed && !role) {
    const released = await releasedTo(deps, actor, groupId);
    if (!released || released.items.length === 0) throw notFound(NOT_FOUND.group);
  }
  return { group, settings, role };
}

export async function getPublicGroupPage(
  { groupId }: UseCaseInput<{ params: typeof publicPageParams }>,
  { deps, actor }: UseCaseScope,
) {
  authorize(actor, 'publicPage.read');
  const { group, settings, role } = await visiblePage(deps, actor, groupId);
  const meetings = settings.showMeetings
    ? (await repo.upcomingMeetingTimes(deps.db, groupId, new Date(), PUBLIC_MEETINGS)).map((m) => ({
        startsAt: m.startsAt.toISOString(),
        endsAt: m.endsAt.toISOString(),
        timeZone: m.timeZone,
      }))
    : null;
  const open = actor && !role ? await repo.findOpenRequestOf(deps.db, groupId, actor.userId) : null;
  return {
    group: { id: group.id, name: group.name },
    purpose: await publicPurpose(deps.db, groupId, group.purpose),
    meetings,
    joining: {
      state: !actor
        ? ('signedOut' as const)
        : role
          ? ('inGroup' as const)
          : open
            ? ('requested' as const)
            : ('canAsk' as const),
      requestedAt: open ? open.createdAt.toISOString() : null,
    },
    settings: role && groupRoleCan(role, 'publicPage.manage') ? settings : null,
  };
}

export async function updatePublicPage(
  {
    groupId,
    ...changes
  }: UseCaseInput<{ params: typeof publicPageParams; body: typeof updatePublicPageBody }>,
  { deps, actor }: UseCaseScope,
) {
  return deps.db.transaction(async (tx) => {
    const found = await requireGroupAccess(tx, actor, groupId, 'publicPage.manage');
    const before = await repo.findPublicPageSettings(tx, groupId);
    const after = {
      listed: changes.listed ?? before.listed,
      showMeetings: changes.showMeetings ?? before.showMeetings,
    };
    await repo.savePublicPageSettings(tx, groupId, after);
    await writeAudit(tx, {
      actorId: found.actor.userId,
      groupId,
      action: 'group.public_page_updated',
      subjectType: 'group',
      subjectId: groupId,
      detail: { before, after },
    });
    return after;
  });
}

function present(row: repo.JoinRequestRow, name: string) {
  return {
    id: row.id,
    userId: row.userId,
    name,
    message: row.message,
    status: row.status as 'open' | 'accepted' | 'declined',
    createdAt: row.createdAt.toISOString(),
    decidedAt: row.decidedAt?.toISOString() ?? null,
  };
}

function groupHome(deps: Deps, groupId: string) {
  return `${deps.config.baseUrl}/groups/${groupId}`;
}

/** Asks to join a group from its public page; its chairs are emailed. */
export async function askToJoin(
  {
    groupId,
    ...input
  }: UseCaseInput<{ params: typeof publicPageParams; body: typeof askToJoinBody }>,
  { deps, actor }: UseCaseScope,
) {
  const signedIn = requireSignedIn(actor, 'joinRequest.create');
  const { group, role } = await visiblePage(deps, actor, groupId);
  if (role) {
    throw conflict(m.alreadyIn, { groupId: m.alreadyInField });
  }
  const created = await deps.db.transaction(async (tx) => {
    await repo.lockPerson(tx, signedIn.userId);
    if (await repo.findOpenRequestOf(tx, groupId, signedIn.userId)) {
      throw conflict(m.alreadyAsked, { groupId: m.alreadyAskedField });
    }
    const recent = await repo.countRequestsSince(
      tx,
      signedIn.userId,
      new Date(Date.now() - DAY_MS),
    );
    if (recent.count >= JOIN_REQUESTS_PER_DAY) {
      const wait = recent.oldest ? (recent.oldest.getTime() + DAY_MS - Date.now()) / 1000 : 3600;
      throw rateLimited(say(m.tooManyRequests, { count: JOIN_REQUESTS_PER_DAY }), wait);
    }
    const row = await repo.insertRequest(tx, {
      groupId,
      userId: signedIn.userId,
      message: input.message,
    });
    // A request made at the same moment won the race: still one open request.
    if (!row) {
      throw conflict(m.alreadyAsked, { groupId: m.alreadyAskedField });
    }
    await writeAudit(tx, {
      actorId: signedIn.userId,
      groupId,
      action: 'group.join_requested',
      subjectType: 'join_request',
      subjectId: row.id,
    });
    const name = await repo.personName(tx, signedIn.userId);
    for (const chair of await listChairEmails(tx, groupId)) {
      await enqueue(
        tx,
        askedMail(intlFor(chair.language), chair, {
          name,
          group: group.name,
          message: input.message,
          link: groupHome(deps, groupId),
        }),
      );
    }
    return row;
  });
  deps.kickMail();
  return {
    id: created.id,
    groupId,
    status: 'open' as const,
    createdAt: created.createdAt.toISOString(),
  };
}

export async function listJoinRequests(
  { groupId }: UseCaseInput<{ params: typeof publicPageParams }>,
  { deps, actor }: UseCaseScope,
) {
  await requireGroupAccess(deps.db, actor, groupId, 'joinRequest.manage');
  return (await repo.listOpenRequests(deps.db, groupId)).map((r) => present(r.request, r.name));
}

/** A chair answers an open request: accepting adds the person as a participant. */
export async function decideJoinRequest(
  {
    groupId,
    requestId,
    answer,
    note,
  }: UseCaseInput<{ params: typeof joinRequestParams; body: typeof decideJoinRequestBody }> & {
    answer: 'accepted' | 'declined';
  },
  { deps, actor }: UseCaseScope,
) {
  const decided = await deps.db.transaction(async (tx) => {
    const found = await requireGroupAccess(tx, actor, groupId, 'joinRequest.manage');
    const row = await repo.findRequestForUpdate(tx, groupId, requestId);
    if (!row) throw notFound(NOT_FOUND.joinRequest);
    if (row.request.status !== 'open') {
      throw conflict(row.request.status === 'accepted' ? m.requestAccepted : m.requestDeclined, {
        requestId: say(m.requestAlready, { status: row.request.status }),
      });
    }
    const updated = await repo.decideRequest(tx, requestId, answer, found.actor.userId);
    await writeAudit(tx, {
      actorId: found.actor.userId,
      groupId,
      action: answer === 'accepted' ? 'group.join_request_accepted' : 'group.join_request_declined',
      subjectType: 'join_request',
      subjectId: requestId,
      detail: { userId: row.request.userId },
    });
    const { group } = found;
    if (answer === 'accepted') {
      await joinAsParticipant(tx, group.id, group.parentId, row.request.userId, requestId);
      await enqueue(
        tx,
        acceptedMail(intlFor(row.language), row, {
          group: group.name,
          link: groupHome(deps, group.id),
        }),
      );
    } else {
      await enqueue(
        tx,
        declinedMail(intlFor(row.language), row, {
          group: group.name,
          note,
          link: `${deps.config.baseUrl}/public/groups/${group.id}`,
        }),
      );
    }
    return { ...row, request: updated };
  });
  deps.kickMail();
  return present(decided.request, decided.name);
}

/** Joining makes you a participant, of a working group's steering group too (as with an invitation). */
async function joinAsParticipant(
  tx: Executor,
  groupId: string,
  parentId: string | null,
  userId: string,
  requestId: string,
) {
  for (const id of parentId ? [groupId, parentId] : [groupId]) {
    if (await groupsRepo.addPerson(tx, id, userId, 'participant')) {
      await writeAudit(tx, {
        actorId: userId,
        groupId: id,
        action: 'group.joined',
        subjectType: 'user',
        subjectId: userId,
        detail: id === groupId ? { joinRequestId: requestId } : { viaWorkingGroup: groupId },
      });
    }
  }
}
