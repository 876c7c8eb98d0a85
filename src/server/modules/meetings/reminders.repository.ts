import { and, eq, isNull, or, sql } from 'drizzle-orm';
import { attendance, groupPeople, notificationSettings, users } from '../../db/schema/index.ts';
import type { Executor } from '../../deps.ts';

export async function getSettings(db: Executor, userId: string) {
  const [row] = await db
    .select({
      weekBefore: notificationSettings.weekBefore,
      dayBefore: notificationSettings.dayBefore,
    })
    .from(notificationSettings)
    .where(eq(notificationSettings.userId, userId));
  return row ?? { weekBefore: true, dayBefore: true };
}

export async function saveSettings(
  db: Executor,
  userId: string,
  settings: { weekBefore: boolean; dayBefore: boolean },
) {
  await db
    .insert(notificationSettings)
    .values({ userId, ...settings })
    .onConflictDoUpdate({
      target: notificationSettings.userId,
      set: { ...settings, updatedAt: new Date() },
    });
}

/**
 * Who gets a reminder: the group's people who have not sent apologies and
 * who want this reminder (no settings row means yes).
 */
export async function reminderRecipients(
  db: Executor,
  groupId: string,
  meetingId: string,
  kind: 'week' | 'day',
) {
  const wants = kind === 'week' ? notificationSettings.weekBefore : notificationSettings.dayBefore;
  return db
    .select({
      userId: users.id,
      name: users.name,
      email: users.email,
      language: users.language,
      role: groupPeople.role,
    })
    .from(groupPeople)
    .innerJoin(users, eq(users.id, groupPeople.userId))
    .leftJoin(notificationSettings, eq(notificationSettings.userId, users.id))
    .leftJoin(attendance, and(eq(attendance.meetingId, meetingId), eq(attendance.userId, users.id)))
    .where(
      and(
        eq(groupPeople.groupId, groupId),
        or(isNull(notificationSettings.userId), eq(wants, true)),
        sql`coalesce(${attendance.intent}, '') <> 'apologies'`,
        sql`coalesce(${attendance.mark}, '') <> 'apologies'`,
      ),
    );
}
