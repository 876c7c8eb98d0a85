import { z } from 'zod';
import { TERMS_STATUSES } from './domains.ts';
import { TEMPLATE_LANGUAGES } from '../policy/template.ts';
import { termsSchema } from '../policy/terms.ts';
import { id, INT4_MAX, text, timestamp } from './common.ts';

export const termsDocument = termsSchema.meta({ id: 'TermsOfReference' });

const calendarDate = z.iso.date({ error: 'must be a date written YYYY-MM-DD' });

export const review = z.object({
  dueOn: z.string(),
  state: z.enum(['ok', 'due_soon', 'overdue']),
  daysUntilDue: z.number().int(),
  noticeFrom: z.string(),
});

export const versionSummary = z
  .object({
    /** The version's id: what a release of this version names. */
    id,
    number: z.number().int(),
    status: z.enum(['in_force', 'superseded']),
    adoptedOn: z.string(),
    adoptionNote: z.string(),
  })
  .meta({ id: 'TermsVersionSummary' });

export const termsVersion = z
  .object({
    id,
    number: z.number().int().nullable(),
    status: z.enum(TERMS_STATUSES),
    adoptedOn: z.string().nullable(),
    adoptionNote: z.string().nullable(),
    /** The decision that adopted it, when adopted through the decision process. */
    decisionId: id.nullable(),
    updatedAt: timestamp,
    document: termsDocument,
    /** The document as readable, numbered Markdown. */
    markdown: z.string(),
    /** For a draft: the dates it can be adopted on (see adoptDraftBody). */
    adoptionDates: z
      .object({
        /** The first possible day: the draft's start, or the adoption of the version it replaces. */
        earliest: z.string(),
        /** Today where the group meets: a first version dated after it needs `takesEffectLater`. */
        today: z.string(),
        /** Whether this would be the group's first version. */
        firstVersion: z.boolean(),
      })
      .optional(),
  })
  .meta({ id: 'TermsVersion' });

export const termsInForce = z.object({
  version: termsVersion.nullable(),
  review: review.nullable(),
  /** When the caller accepted the version in force; null if not yet. */
  myAcceptance: z.object({ acceptedAt: timestamp }).nullable(),
  hasDraft: z.boolean(),
});

export const versionList = z.object({ versions: z.array(versionSummary) });

/** A version number, 1 up to what the database holds (in a path or query, coerced from text). */
function versionNumber(number: z.ZodNumber | z.ZodCoercedNumber) {
  return number
    .int('must be a version number')
    .min(1, 'must be a version number')
    .max(INT4_MAX, 'must be a version number');
}

export const versionParams = z.strictObject({
  groupId: id,
  number: versionNumber(z.coerce.number({ error: 'must be a version number' })),
});

export const frequency = z.enum(['weekly', 'every_6_weeks', 'monthly', 'every_2_months'], {
  error: 'must be weekly, every_6_weeks, monthly or every_2_months',
});

const areaKey = z
  .string()
  .regex(/^[a-z][a-z0-9_]{0,39}$/, 'must be a short key of lowercase letters, digits and _');

export const templateChoices = z.strictObject({
  startsOn: calendarDate.optional(),
  frequency: frequency.optional(),
  weekday: z
    .enum(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'])
    .optional(),
  nth: z
    .union([
      z.literal(1),
      z.literal(2),
      z.literal(3),
      z.literal(4),
      z.literal(5),
      z.literal('last'),
    ])
    .optional(),
  startTime: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time such as 18:00')
    .optional(),
  timeZone: text({ min: 1, max: 64 }).optional(),
  inScope: z
    .array(
      z.strictObject({
        key: areaKey,
        title: text({ min: 1, max: 120 }),
        description: text({ min: 1, max: 2000 }),
      }),
    )
    .max(40)
    .optional(),
  outOfScope: z
    .array(
      z.strictObject({
        key: areaKey,
        title: text({ min: 1, max: 120 }),
        takeInstead: text({ min: 1, max: 1000 }),
      }),
    )
    .max(40)
    .optional(),
});

export const createDraftBody = z.strictObject({
  /** Start from the version in force (the default when there is one) or from the seed template. */
  from: z.enum(['in_force', 'template']).optional(),
  choices: templateChoices.optional(),
  /**
   * The language of a draft from the template: its clauses are written in
   * English (en-GB) or Welsh (cy). Default English. A draft from the version
   * in force keeps that version's words.
   */
  language: z
    .enum(TEMPLATE_LANGUAGES, { error: 'must be en-GB (English) or cy (Welsh)' })
    .optional(),
});

export const updateDraftBody = z.strictObject({
  document: z
    .record(z.string().max(100), z.unknown(), {
      error: 'must be a Terms of Reference document (an object)',
    })
    // The clauses themselves are checked, with their own limits, by the TermsOfReference schema.
    .refine(
      (document) => Object.keys(document).length <= 100,
      'must be a Terms of Reference document (it has far too many fields)',
    )
    .meta({ maxProperties: 100 })
    .describe('A whole Terms of Reference document: see the TermsOfReference schema'),
});

export const adoptDraftBody = z.strictObject({
  /**
   * The date of the meeting at which the group agreed it: not before the draft
   * was started, nor before the version it replaces was adopted.
   */
  adoptedOn: calendarDate,
  /**
   * For a group's first version dated after today: the chair says that it
   * takes effect on that future date. Without it, a future date is refused.
   */
  takesEffectLater: z.boolean({ error: 'must be true or false' }).optional(),
  /** How it was adopted; by default "Adopted by consensus at the meeting of DATE". */
  note: text({ min: 1, max: 500 }).optional(),
  /** The recorded decision that adopted it; the version links to it. */
  decisionId: id.optional(),
});

export const diffQuery = z.strictObject({
  from: versionNumber(z.coerce.number({ error: 'must be a version number' })),
  to: z.union([z.literal('draft'), versionNumber(z.coerce.number())], {
    error: 'must be a version number or "draft"',
  }),
});

export const termsDiff = z.object({
  from: z.number().int(),
  to: z.union([z.number().int(), z.literal('draft')]),
  fields: z.array(z.object({ path: z.string(), before: z.unknown(), after: z.unknown() })),
  lines: z.array(z.object({ kind: z.enum(['same', 'added', 'removed']), line: z.string() })),
});

export const acceptBody = z.strictObject({
  /** The version the person read: accepting an older one is refused. */
  number: versionNumber(z.number({ error: 'must be a version number' })),
});

export const acceptanceList = z.object({
  number: z.number().int().nullable(),
  people: z.array(z.object({ userId: id, name: z.string(), acceptedAt: timestamp.nullable() })),
});

export const reminderBody = z.strictObject({
  clause: z
    .number({ error: 'must be a clause number' })
    .int('must be a clause number')
    .min(1, 'must be a clause number')
    .max(10_000, 'must be a clause number'),
  /** The meeting it was raised in, if any. */
  meetingId: id.optional(),
});

export const reminderCounts = z.object({
  clauses: z.array(
    z.object({ clause: z.number().int(), text: z.string(), count: z.number().int() }),
  ),
});

export const raisedReminder = z.object({ clause: z.number().int(), raisedOn: z.string() });
