import { z } from 'zod';
import { email, id, secretToken, text, timestamp } from './common.ts';
import { GROUP_ROLES } from './domains.ts';

export const groupRole = z.enum(GROUP_ROLES, {
  error: 'must be one of participant, observer, note_taker, chair',
});
export type GroupRoleName = z.infer<typeof groupRole>;

const termsKey = z
  .string({ error: 'must be the key of a working group in the Terms of Reference' })
  .regex(
    /^[a-z][a-z0-9_]{0,39}$/,
    'must be the key of a working group in the Terms of Reference, such as housing_repairs',
  );

export const groupSummary = z
  .object({
    id,
    name: z.string(),
    purpose: z.string(),
    parentId: id.nullable(),
    myRole: groupRole.nullable(),
  })
  .meta({ id: 'GroupSummary' });

export const group = z
  .object({
    id,
    name: z.string(),
    purpose: z.string(),
    parent: z.object({ id, name: z.string() }).nullable(),
    /** For a working group: its key in the parent's Terms of Reference, if linked. */
    termsKey: z.string().nullable(),
    workingGroups: z.array(z.object({ id, name: z.string(), purpose: z.string() })),
    /** The caller's role here; null for an administrator who is not in the group. */
    myRole: groupRole.nullable(),
    peopleCount: z.number().int(),
    createdAt: timestamp,
  })
  .meta({ id: 'Group' });
export type Group = z.infer<typeof group>;

export const groupList = z.object({ groups: z.array(groupSummary) });

export const createGroupBody = z.strictObject({
  name: text({ min: 1, max: 120 }),
  purpose: text({ max: 2000 }).default(''),
  parentId: id.optional(),
  /** For a working group: the key of its entry in the parent's Terms of Reference. */
  termsKey: termsKey.optional(),
});

export const updateGroupBody = z
  .strictObject({
    name: text({ min: 1, max: 120 }).optional(),
    purpose: text({ max: 2000 }).optional(),
    termsKey: termsKey.nullable().optional(),
  })
  .refine((b) => b.name !== undefined || b.purpose !== undefined || b.termsKey !== undefined, {
    message: 'send a name, a purpose or a terms key to change',
    path: ['name'],
  });

export const groupParams = z.strictObject({ groupId: id });
export const personParams = z.strictObject({ groupId: id, userId: id });
export const invitationParams = z.strictObject({ groupId: id, invitationId: id });

export const person = z
  .object({
    userId: id,
    name: z.string(),
    role: groupRole,
    joinedAt: timestamp,
  })
  .meta({ id: 'GroupPerson' });
export const peopleList = z.object({ people: z.array(person) });

export const setRoleBody = z.strictObject({ role: groupRole });

export const createInvitationBody = z.strictObject({
  /** Send the link to this address as well as returning it. */
  email: email.optional(),
  expiresInDays: z
    .number({ error: 'must be a whole number of days' })
    .int('must be a whole number of days')
    .min(1, 'must be at least 1 day')
    .max(365, 'must be at most 365 days')
    .default(30),
});

export const invitation = z
  .object({
    id,
    email: z.string().nullable(),
    createdAt: timestamp,
    expiresAt: timestamp.nullable(),
    revoked: z.boolean(),
  })
  .meta({ id: 'Invitation' });

export const createdInvitation = z.object({
  invitation,
  /** The link to share; the secret in it is shown once. */
  link: z.string(),
  token: z.string(),
});

export const invitationList = z.object({ invitations: z.array(invitation) });

export const invitationTokenParams = z.strictObject({ token: secretToken });

export const invitationPreview = z.object({
  group: z.object({ id, name: z.string(), purpose: z.string() }),
});

export const joinBody = z.strictObject({ token: secretToken });
export const joined = z.object({ group: groupSummary });
