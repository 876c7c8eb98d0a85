/** What a release shows of each kind of item, outside the group. */
import { renderTermsMarkdown, type Terms } from '../../../policy/index.ts';
import type { Executor } from '../../deps.ts';
import { say, type Words } from '../../errors.ts';
import * as decisionsRepo from '../decisions/decisions.repository.ts';
import * as learningRepo from '../learning/learning.repository.ts';
import * as meetingsRepo from '../meetings/repositories.ts';
import * as notesRepo from '../notes/notes.repository.ts';
import { findAdoptedVersionById } from '../terms/terms.repository.ts';
import { m } from './releases.messages.ts';

export type ItemType = 'notes' | 'decision' | 'learning' | 'paper' | 'terms' | 'suggestion';

/** The item as it would appear outside the group; undefined if it is not this group's or not ready. */
export async function readItem(
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

/** Why an item cannot be released, for its field. */
export function notReleasable(type: ItemType): Words {
  return type === 'notes'
    ? m.notesNotApproved
    : type === 'terms'
      ? m.termsNotAdopted
      : say(m.notOfGroup, { type });
}
