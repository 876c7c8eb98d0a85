/**
 * Calendar feeds at secret, revocable addresses: one group's meetings, or
 * every meeting of every group a person is in. Moved meetings carry a higher
 * SEQUENCE; cancelled ones stay in the feed as STATUS:CANCELLED so calendars
 * remove them. A feed shows only groups its owner is still in.
 */
import { requireSignedIn } from '../../access.ts';
import type { Deps, UseCaseScope } from '../../deps.ts';
import { notFound, NOT_FOUND } from '../../errors.ts';
import { hashSecret, newSecret } from '../../secrets.ts';
import { writeAudit } from '../audit/audit.repository.ts';
import { requireGroupAccess } from '../groups/group-access.ts';
import * as repo from './calendar.repository.ts';
import { renderCalendar, type CalendarEvent } from './feed.ts';
import type { createFeedBody, feedParams } from '../../../contracts/meetings.ts';
import type { UseCaseInput } from '../../endpoints.ts';

function feedUrl(deps: Deps, token: string): string {
  return `${deps.config.baseUrl}/api/v1/calendar/${token}/meetings.ics`;
}

export async function createCalendarFeed(
  input: UseCaseInput<{ body: typeof createFeedBody }>,
  { deps, actor }: UseCaseScope,
) {
  const signedIn = requireSignedIn(actor, 'calendar.feeds');
  return deps.db.transaction(async (tx) => {
    let group: { id: string; name: string } | null = null;
    if (input.groupId) {
      const access = await requireGroupAccess(tx, actor, input.groupId, 'meeting.view');
      group = { id: access.group.id, name: access.group.name };
    }
    const token = newSecret();
    const feed = await repo.insertFeed(tx, {
      userId: signedIn.userId,
      groupId: group?.id ?? null,
      tokenHash: hashSecret(token),
    });
    await writeAudit(tx, {
      actorId: signedIn.userId,
      groupId: group?.id ?? null,
      action: 'calendar_feed.created',
      subjectType: 'calendar_feed',
      subjectId: feed.id,
    });
    return {
      id: feed.id,
      group,
      createdAt: feed.createdAt.toISOString(),
      url: feedUrl(deps, token),
    };
  });
}

export async function listCalendarFeeds(_input: unknown, { deps, actor }: UseCaseScope) {
  const signedIn = requireSignedIn(actor, 'calendar.feeds');
  const rows = await repo.listFeeds(deps.db, signedIn.userId);
  return {
    feeds: rows.map((r) => ({
      id: r.id,
      group: r.groupId ? { id: r.groupId, name: r.groupName ?? '' } : null,
      createdAt: r.createdAt.toISOString(),
    })),
  };
}

export async function revokeCalendarFeed(
  { feedId }: UseCaseInput<{ params: typeof feedParams }>,
  { deps, actor }: UseCaseScope,
) {
  const signedIn = requireSignedIn(actor, 'calendar.feeds');
  return deps.db.transaction(async (tx) => {
    if (!(await repo.revokeFeed(tx, signedIn.userId, feedId)))
      throw notFound(NOT_FOUND.calendarFeed);
    await writeAudit(tx, {
      actorId: signedIn.userId,
      action: 'calendar_feed.revoked',
      subjectType: 'calendar_feed',
      subjectId: feedId,
    });
    return { ok: true as const };
  });
}

/** The feed itself: meetings from three months ago to thirteen months ahead. */
export async function getCalendarFeed(deps: Deps, token: string): Promise<string> {
  const feed = await repo.findFeedByToken(deps.db, hashSecret(token));
  if (!feed) throw notFound(NOT_FOUND.calendarFeed);
  const groups = await repo.feedGroups(deps.db, feed.userId, feed.groupId);
  if (feed.groupId && groups.length === 0) throw notFound(NOT_FOUND.calendarFeed);
  const now = Date.now();
  const meetings = await repo.meetingsForFeed(
    deps.db,
    groups.map((g) => g.id),
    new Date(now - 92 * 86_400_000),
    new Date(now + 396 * 86_400_000),
  );
  const names = new Map(groups.map((g) => [g.id, g.name]));
  const host = new URL(deps.config.baseUrl).hostname;
  const events: CalendarEvent[] = meetings.map((m) => {
    const page = `${deps.config.baseUrl}/groups/${m.groupId}/meetings/${m.id}`;
    const notes = [
      m.status === 'cancelled' ? `Cancelled: ${m.cancelledReason ?? ''}` : null,
      m.movedReason ? `Moved: ${m.movedReason}` : null,
      m.onlineUrl ? `Join online: ${m.onlineUrl}` : null,
      `Agenda and papers: ${page}`,
    ].filter((line): line is string => line !== null);
    return {
      uid: `${m.id}@${host}`,
      sequence: m.sequence,
      startsAt: m.startsAt,
      endsAt: m.endsAt,
      summary:
        m.title === names.get(m.groupId) ? m.title : `${m.title} (${names.get(m.groupId) ?? ''})`,
      description: notes.join('\n'),
      location: m.place ?? m.onlineUrl,
      url: page,
      status: m.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED',
      updatedAt: m.updatedAt,
    };
  });
  const name = feed.groupId
    ? `${names.get(feed.groupId) ?? 'Group'} meetings`
    : 'My Accord meetings';
  return renderCalendar({ name, events, now: new Date(now) });
}
