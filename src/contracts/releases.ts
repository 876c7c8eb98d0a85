/**
 * Release proposals (what the group is asked to let leave it), links between
 * groups, and the offers a release to a linked group makes.
 */
import { z } from 'zod';
import { AUDIENCES, AUTHORISATION_ACTIONS, OFFER_STATUSES } from './domains.ts';
import { id, timestamp } from './common.ts';
import { itemType } from './notes.ts';

const audience = z.enum(AUDIENCES, { error: 'must be public or groups' });

/** What a release proposal asks the group to agree. */
export const releaseRequest = z
  .strictObject({
    /** Release the items, or withdraw their current release to this audience. */
    action: z
      .enum(['release', 'withdraw'], { error: 'must be release or withdraw' })
      .default('release'),
    items: z
      .array(z.strictObject({ itemType, itemId: id }))
      .max(20, 'must name at most 20 items')
      .default([]),
    /** Release the decision that records this proposal's outcome as well. */
    thisDecision: z.boolean({ error: 'must be true or false' }).default(false),
    audience,
    /** For audience 'groups': linked groups (same steering group, or linked by both chairs). */
    groupIds: z.array(id).max(20, 'must name at most 20 groups').default([]),
  })
  .meta({ id: 'ReleaseRequest' });

/** A release proposal as shown: each item, and whether its authorisation has been used. */
export const releaseRequestView = z.object({
  action: z.enum(AUTHORISATION_ACTIONS),
  audience: z.enum(AUDIENCES),
  groupIds: z.array(id),
  items: z.array(
    z.object({
      itemType,
      /** Null for "the decision this proposal records". */
      itemId: id.nullable(),
      used: z.boolean(),
    }),
  ),
});

export const linkParams = z.strictObject({ groupId: id, linkId: id });
export const proposeLinkBody = z.strictObject({ otherGroupId: id });
export const groupLink = z
  .object({
    id,
    /** 'outgoing': this group asked; 'incoming': the other group asked. */
    direction: z.enum(['outgoing', 'incoming']),
    otherGroupId: id,
    /** Shown once the link is agreed, or to the group that was asked. */
    otherGroupName: z.string().nullable(),
    status: z.enum(['requested', 'linked']),
    proposedAt: timestamp,
    acceptedAt: timestamp.nullable(),
  })
  .meta({ id: 'GroupLink' });
export const groupLinkList = z.object({
  /** Groups a release can name: the steering group, sibling working groups, and agreed links. */
  linked: z.array(
    z.object({ groupId: id, name: z.string(), via: z.enum(['steering', 'sibling', 'link']) }),
  ),
  links: z.array(groupLink),
});

export const offerParams = z.strictObject({ groupId: id, releaseId: id });
export const answerOfferBody = z.strictObject({
  answer: z.enum(['accept', 'decline'], { error: 'must be accept or decline' }),
});
export const releaseOffer = z
  .object({
    releaseId: id,
    fromGroup: z.object({ id, name: z.string() }),
    itemType,
    title: z.string(),
    body: z.string(),
    status: z.enum(OFFER_STATUSES),
    offeredAt: timestamp,
  })
  .meta({ id: 'ReleaseOffer' });
export const releaseOfferList = z.object({ offers: z.array(releaseOffer) });
