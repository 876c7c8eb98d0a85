import { z } from 'zod';
import {
  ACTION_STATUSES,
  AUDIENCES,
  DECISION_OUTCOMES,
  ITEM_TYPES,
  NOTES_STATUSES,
} from './domains.ts';
import { id, text, timestamp } from './common.ts';

const calendarDate = z.iso.date({ error: 'must be a real date written YYYY-MM-DD' });

export const notesParams = z.strictObject({ groupId: id, meetingId: id });
export const actionParams = z.strictObject({ groupId: id, actionId: id });
export const releaseParams = z.strictObject({ groupId: id, releaseId: id });
export const suggestionParams = z.strictObject({ groupId: id, suggestionId: id });
export const publicGroupParams = z.strictObject({ groupId: id });

export const notesContent = z.strictObject({
  /** Markdown, stored as written; raw HTML in it is shown as text, never as markup. */
  summary: text({ max: 50_000 }),
  items: z
    .array(z.strictObject({ itemId: id, discussion: text({ max: 50_000 }) }), {
      error: 'must be a list of agenda items with their discussion',
    })
    .max(200, 'must have at most 200 items'),
});

/** A flag kept as written, with the note-taker's reason ("not a view"). */
export const notView = z.strictObject({
  /** The sentence kept as written, exactly as the check found it. */
  text: text({ min: 1, max: 5000 }),
  /** Why it stays as written, e.g. "an action owner", "a fact, not a view". */
  reason: text({ min: 1, max: 300 }),
});

export const updateNotesBody = z.strictObject({
  content: notesContent,
  notViews: z.array(notView).max(200, 'must have at most 200 entries').default([]),
  /** Needed to change notes that were approved: a correction is a new version. */
  correctionReason: text({ min: 1, max: 1000 }).optional(),
});

/** 'attributes': reword it or keep it with a reason; 'may': a nudge only, never holding notes back. */
const attributionLevel = z.enum(['attributes', 'may']);

export const attributionFlag = z.object({
  where: z.string(),
  text: z.string(),
  /** Where `text` starts in `sentence` (UTF-16 code units): the same words may be there twice. */
  at: z.number().int().nonnegative(),
  who: z.string(),
  kind: z.enum(['name', 'pronoun', 'role', 'note_taker', 'guest', 'few_people', 'near_view']),
  level: attributionLevel,
  sentence: z.string(),
  suggestion: z.string(),
  markedNotAView: z.boolean(),
});

export const checkResult = z.object({
  flags: z.array(attributionFlag),
  /**
   * Flags that attribute a view and are neither reworded nor kept with a reason: circulation
   * waits for these. Flags that only may point to someone are never counted.
   */
  outstanding: z.number().int(),
});

export const checkBody = z.strictObject({
  /** Check this text instead of the saved draft (e.g. while typing). */
  text: text({ max: 50_000 }).optional(),
});

export const notesVersion = z
  .object({
    version: z.number().int(),
    status: z.enum(NOTES_STATUSES),
    content: z.object({
      summary: z.string(),
      items: z.array(z.object({ itemId: id, discussion: z.string() })),
    }),
    notViews: z.array(
      z.object({ text: z.string(), reason: z.string(), markedBy: z.string(), markedAt: timestamp }),
    ),
    correctionReason: z.string().nullable(),
    updatedAt: timestamp,
    circulatedAt: timestamp.nullable(),
    approvedAt: timestamp.nullable(),
    approvedAtMeeting: id.nullable(),
  })
  .meta({ id: 'NotesVersion' });

export const meetingNotes = z.object({
  current: notesVersion.nullable(),
  versions: z.array(
    z.object({
      version: z.number().int(),
      status: z.enum(NOTES_STATUSES),
      correctionReason: z.string().nullable(),
    }),
  ),
  comments: z.array(
    z.object({
      id,
      name: z.string(),
      body: z.string(),
      createdAt: timestamp,
      /**
       * False while the comment waits for an answer: it came in after the notes were last
       * changed. Approving notes with such comments needs `acknowledgeUnresolved`.
       */
      resolved: z.boolean(),
    }),
  ),
  attendance: z.array(z.object({ name: z.string(), mark: z.string() })),
  actions: z.array(z.lazy(() => action)),
  /** Decisions recorded at this meeting, linked from the notes. */
  decisions: z.array(
    z.object({
      id,
      number: z.number().int(),
      title: z.string(),
      outcome: z.enum(DECISION_OUTCOMES),
    }),
  ),
  /**
   * For whoever can approve the notes (empty for anyone else): each sentence the attribution
   * check found that the note-taker kept as written, with the reason they recorded.
   */
  keptAsWritten: z.array(
    z.object({
      /** The agenda item's title, or 'Summary'. */
      where: z.string(),
      sentence: z.string(),
      /** The flagged words in the sentence. */
      text: z.string(),
      /** Where `text` starts in `sentence` (UTF-16 code units). */
      at: z.number().int().nonnegative(),
      level: attributionLevel,
      reason: z.string(),
      markedAt: timestamp,
    }),
  ),
  can: z.object({ edit: z.boolean(), comment: z.boolean(), approve: z.boolean() }),
});

export const commentBody = z.strictObject({ body: text({ min: 1, max: 5000 }) });
export const approveBody = z.strictObject({
  /** The later meeting at which the group approved them. */
  meetingId: id,
  /**
   * Needed when comments came in after the notes were last changed: the chair has read
   * them and approves the notes as they are. Without it such an approval is refused (409).
   */
  acknowledgeUnresolved: z.boolean({ error: 'must be true or false' }).optional(),
});

export const action = z
  .object({
    id,
    title: z.string(),
    ownerId: id,
    ownerName: z.string(),
    dueOn: z.string(),
    status: z.enum(ACTION_STATUSES),
    overdue: z.boolean(),
    meetingId: id.nullable(),
    itemId: id.nullable(),
  })
  .meta({ id: 'Action' });
export const actionList = z.object({ actions: z.array(action) });
export const listActionsQuery = z.strictObject({
  owner: z.enum(['me', 'anyone'], { error: 'must be me or anyone' }).default('anyone'),
  status: z
    .enum(['open', 'done', 'dropped', 'all'], { error: 'must be open, done, dropped or all' })
    .default('open'),
});
export const addActionBody = z.strictObject({
  title: text({ min: 1, max: 500 }),
  ownerId: id,
  dueOn: calendarDate,
  meetingId: id.optional(),
  itemId: id.optional(),
});
export const updateActionBody = z
  .strictObject({
    title: text({ min: 1, max: 500 }).optional(),
    ownerId: id.optional(),
    dueOn: calendarDate.optional(),
    status: z
      .enum(['open', 'done', 'dropped'], { error: 'must be open, done or dropped' })
      .optional(),
  })
  .refine((b) => Object.keys(b).length > 0, {
    message: 'send something to change',
    path: ['status'],
  });

export const itemType = z.enum(ITEM_TYPES, {
  error: 'must be notes, decision, learning, paper, terms or suggestion',
});
const authority = {
  /** A recorded decision of this group that agreed to it. */
  decisionId: id.optional(),
  /** Where the ToR allows: the meeting at which the group agreed, recorded by a chair. */
  agreedAtMeeting: id.optional(),
};
export const releaseBody = z.strictObject({
  itemType,
  /** For notes: the meeting's id (its approved notes are released). For terms: the adopted version's id. */
  itemId: id,
  audience: z.enum(AUDIENCES, { error: 'must be public or groups' }),
  groupIds: z.array(id).max(20, 'must name at most 20 groups').default([]),
  ...authority,
});
export const withdrawBody = z.strictObject(authority);
export const release = z
  .object({
    id,
    itemType,
    itemId: id,
    audience: z.enum(AUDIENCES),
    groupIds: z.array(id),
    decisionId: id.nullable(),
    agreedAtMeeting: id.nullable(),
    releasedAt: timestamp,
    withdrawnAt: timestamp.nullable(),
  })
  .meta({ id: 'Release' });

export const releasedItem = z.object({
  releaseId: id,
  itemType,
  title: z.string(),
  body: z.string(),
  date: z.string(),
  /** For a released paper: where the file itself is downloaded. */
  fileUrl: z.string().nullable(),
});
export const releasedList = z.object({
  group: z.object({ id, name: z.string(), purpose: z.string() }),
  items: z.array(releasedItem),
  releases: z.array(release).optional(),
});

export const learningBody = z.strictObject({
  whatHappened: text({ min: 1, max: 5000 }),
  whatWeLearned: text({ min: 1, max: 5000 }),
  whatWeWillChange: text({ min: 1, max: 5000 }),
  tags: z
    .array(
      z
        .string({ error: 'must be a short tag' })
        .regex(/^[a-z0-9][a-z0-9 _-]{0,39}$/, 'must be a short lowercase tag such as access'),
    )
    .max(10, 'must have at most 10 tags')
    .default([]),
});
export const learningEntry = z
  .object({
    id,
    whatHappened: z.string(),
    whatWeLearned: z.string(),
    whatWeWillChange: z.string(),
    tags: z.array(z.string()),
    recordedOn: z.string(),
    released: z.boolean(),
  })
  .meta({ id: 'LearningEntry' });
export const learningList = z.object({ entries: z.array(learningEntry) });

export const suggestionBody = z.strictObject({ text: text({ min: 1, max: 5000 }) });
export const suggestionOutcomeBody = z.strictObject({
  /** The meeting at which it was discussed. */
  meetingId: id,
  outcome: text({ min: 1, max: 5000 }),
  decisionId: id.optional(),
});
export const suggestion = z
  .object({
    id,
    text: z.string(),
    madeOn: z.string(),
    status: z.enum(['to_consider', 'considered']),
    consideredAtMeeting: id.nullable(),
    consideredOn: z.string().nullable(),
    outcome: z.string().nullable(),
    decisionId: id.nullable(),
  })
  .meta({ id: 'Suggestion' });
export const suggestionList = z.object({ suggestions: z.array(suggestion) });

export const searchQuery = z.strictObject({ q: text({ min: 2, max: 200 }) });
export const searchResults = z.object({
  results: z.array(
    z.object({
      kind: z.enum(['notes', 'decision', 'learning', 'suggestion', 'paper']),
      id,
      title: z.string(),
      /** The passage that matched best, as plain text. */
      snippet: z.string(),
      /**
       * Where the query's words (or their other forms: "meetings" for
       * "meeting") are in the snippet, in order; in UTF-16 code units, as
       * JavaScript indexes strings.
       */
      highlights: z.array(
        z
          .object({ start: z.number().int().min(0), length: z.number().int().min(1) })
          .meta({ id: 'Highlight' }),
      ),
      /** Where to read it in the web app. */
      path: z.string(),
    }),
  ),
});
