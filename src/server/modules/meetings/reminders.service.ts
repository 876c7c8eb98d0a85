/**
 * Meeting reminders by email: a week before (with the agenda and papers) and
 * a day before, to the group's people who have not sent apologies, as each
 * person's settings allow. Each reminder is claimed on the meeting row first,
 * so with several instances it goes once.
 */
import { groupRoleCan, requireSignedIn } from '../../access.ts';
import type { Deps, UseCaseScope } from '../../deps.ts';
import { writeAudit } from '../audit/audit.repository.ts';
import { meetingReminderEmail } from '../mail/emails/index.ts';
import { enqueueMany } from '../mail/outbox.repository.ts';
import * as meetingsRepo from './repositories.ts';
import * as repo from './reminders.repository.ts';

const HOUR = 3_600_000;

export async function sendMeetingReminders(deps: Deps, now = new Date()): Promise<number> {
  let sent = 0;
  const windows = [
    { kind: 'day' as const, from: now, until: new Date(now.getTime() + 24 * HOUR) },
    {
      kind: 'week' as const,
      from: new Date(now.getTime() + 24 * HOUR),
      until: new Date(now.getTime() + 7 * 24 * HOUR),
    },
  ];
  for (const { kind, from, until } of windows) {
    const due = await meetingsRepo.meetingsDueReminder(deps.db, kind, from, until);
    for (const { meeting, groupName } of due) {
      await deps.db.transaction(async (tx) => {
        if (!(await meetingsRepo.claimReminder(tx, meeting.id, kind))) return;
        const people = await repo.reminderRecipients(tx, meeting.groupId, meeting.id, kind);
        const items = meeting.agendaPublishedAt
          ? (await meetingsRepo.listItems(tx, meeting.id)).filter((i) => i.placement === 'agenda')
          : [];
        const papers = kind === 'week' ? await meetingsRepo.listPapers(tx, meeting.id) : [];
        const page = `${deps.config.baseUrl}/groups/${meeting.groupId}/meetings/${meeting.id}`;
        await enqueueMany(
          tx,
          people.map((person) => ({
            to: person.email,
            ...meetingReminderEmail(person.language, {
              name: person.name,
              kind,
              meeting,
              groupName,
              agenda: items.map((i) => i.title),
              // Papers are confidential to the people who take part: observers are told only the meeting.
              papers: groupRoleCan(person.role, 'paper.view') ? papers : null,
              page,
            }),
          })),
        );
        await writeAudit(tx, {
          actorId: null,
          groupId: meeting.groupId,
          action: `meeting.reminder_${kind}`,
          subjectType: 'meeting',
          subjectId: meeting.id,
          detail: { recipients: people.length },
        });
        sent += people.length;
      });
    }
  }
  if (sent > 0) deps.kickMail();
  return sent;
}

export async function getNotificationSettings(_input: unknown, { deps, actor }: UseCaseScope) {
  const signedIn = requireSignedIn(actor, 'notifications.settings');
  return repo.getSettings(deps.db, signedIn.userId);
}

export async function updateNotificationSettings(
  settings: { weekBefore: boolean; dayBefore: boolean },
  { deps, actor }: UseCaseScope,
) {
  const signedIn = requireSignedIn(actor, 'notifications.settings');
  await deps.db.transaction(async (tx) => {
    await repo.saveSettings(tx, signedIn.userId, settings);
    await writeAudit(tx, {
      actorId: signedIn.userId,
      action: 'notifications.updated',
      subjectType: 'user',
      subjectId: signedIn.userId,
      detail: settings,
    });
  });
  return settings;
}
