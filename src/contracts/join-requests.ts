import { z } from 'zod';
import { JOIN_REQUEST_STATUSES } from './domains.ts';
import { id, text, timestamp } from './common.ts';

/**
 * A group's public page beyond what it released (see releasedList): its
 * purpose, how to ask to join, and, if the group shows them, the dates of its
 * next meetings. Join requests: asked from the public page, answered by chairs.
 */
export const publicPageParams = z.strictObject({ groupId: id });
export const joinRequestParams = z.strictObject({ groupId: id, requestId: id });

export const publicPurpose = z.object({
  /** The purpose statement, or null when the group has not written one down yet. */
  text: z.string().nullable(),
  /**
   * Where it comes from: the Terms of Reference in force, the draft when none
   * has been adopted, the group's own purpose line, or nowhere yet.
   */
  source: z.enum(['terms', 'draft', 'group', 'none']),
});

export const publicMeeting = z.object({
  startsAt: timestamp,
  endsAt: timestamp,
  timeZone: z.string(),
});

export const joining = z.object({
  /**
   * signedOut: sign in or create an account first; canAsk: may ask now;
   * requested: an open request is waiting for the chairs; inGroup: already in it.
   */
  state: z.enum(['signedOut', 'canAsk', 'requested', 'inGroup']),
  requestedAt: timestamp.nullable(),
});

export const publicPageSettings = z
  .object({
    /** Off: the page answers like a group that does not exist, except to its own people and to readers of its releases. */
    listed: z.boolean(),
    /** On: the dates and times of the next meetings are on the public page. */
    showMeetings: z.boolean(),
  })
  .meta({ id: 'PublicPageSettings' });

export const publicGroupPage = z
  .object({
    group: z.object({ id, name: z.string() }),
    purpose: publicPurpose,
    /** Null when the group does not show its meeting dates. */
    meetings: z.array(publicMeeting).nullable(),
    joining,
    /** For the group's chairs only: what the page shows. */
    settings: publicPageSettings.nullable(),
  })
  .meta({ id: 'PublicGroupPage' });

export const updatePublicPageBody = z.strictObject({
  listed: z.boolean({ error: 'must be true or false' }).optional(),
  showMeetings: z.boolean({ error: 'must be true or false' }).optional(),
});

export const askToJoinBody = z.strictObject({
  /** A short note to the chairs, such as why they would like to take part. */
  message: text({ max: 500 }).default(''),
});

export const decideJoinRequestBody = z.strictObject({
  /** For a decline: a kind word to the person, sent with the answer. */
  note: text({ max: 500 }).default(''),
});

export const joinRequestStatus = z.enum(JOIN_REQUEST_STATUSES);

export const myJoinRequest = z
  .object({ id, groupId: id, status: joinRequestStatus, createdAt: timestamp })
  .meta({ id: 'MyJoinRequest' });

export const joinRequest = z
  .object({
    id,
    userId: id,
    name: z.string(),
    message: z.string(),
    status: joinRequestStatus,
    createdAt: timestamp,
    decidedAt: timestamp.nullable(),
  })
  .meta({ id: 'JoinRequest' });

export const joinRequestList = z.object({ requests: z.array(joinRequest) });
