import { sql } from 'drizzle-orm';
import { check, index, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import {
  AUDIENCES,
  AUTHORISATION_ACTIONS,
  ITEM_TYPES,
  OFFER_STATUSES,
} from '../../../contracts/domains.ts';
import { oneOf } from './domains.ts';
import { users } from './accounts.ts';
import { proposals } from './decisions.ts';
import { groups } from './groups.ts';
import { releases } from './notes.ts';

const at = (name: string) => timestamp(name, { withTimezone: true });

/**
 * What a release proposal asks the group to agree: one item (or, where the
 * proposal says so, the decision that agrees it) to release to one audience,
 * or one release to withdraw. Agreeing the proposal lets a chair do exactly
 * this, once: `used_at` is set when it is used. The decision record itself
 * never changes.
 */
export const releaseAuthorisations = pgTable(
  'release_authorisations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    proposalId: uuid('proposal_id')
      .notNull()
      .references(() => proposals.id, { onDelete: 'cascade' }),
    groupId: uuid('group_id')
      .notNull()
      .references(() => groups.id, { onDelete: 'cascade' }),
    /** 'release' or 'withdraw'. */
    action: text('action', { enum: AUTHORISATION_ACTIONS }).notNull(),
    itemType: text('item_type', { enum: ITEM_TYPES }).notNull(),
    /** Null only for "the decision this proposal records" (item type 'decision'). */
    itemId: uuid('item_id'),
    audience: text('audience', { enum: AUDIENCES }).notNull(),
    groupIds: uuid('group_ids')
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    usedAt: at('used_at'),
    releaseId: uuid('release_id').references(() => releases.id, { onDelete: 'cascade' }),
  },
  (t) => [
    index('release_authorisations_proposal_idx').on(t.proposalId),
    check('release_authorisations_action', oneOf(t.action, AUTHORISATION_ACTIONS)),
    check('release_authorisations_item_type', oneOf(t.itemType, ITEM_TYPES)),
    check('release_authorisations_audience', oneOf(t.audience, AUDIENCES)),
    check(
      'release_authorisations_this_decision',
      sql`${t.itemId} is not null or (${t.itemType} = 'decision' and ${t.action} = 'release')`,
    ),
    check('release_authorisations_used', sql`(${t.usedAt} is null) = (${t.releaseId} is null)`),
  ],
);

/**
 * A link between two groups, agreed by a chair of each: a chair of `group_id`
 * asks, a chair of `other_group_id` accepts. The other group is not a foreign
 * key on purpose: asking to link with a group id that does not exist is kept
 * exactly like asking one that does, so asking tells nothing.
 */
export const groupLinks = pgTable(
  'group_links',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    groupId: uuid('group_id')
      .notNull()
      .references(() => groups.id, { onDelete: 'cascade' }),
    otherGroupId: uuid('other_group_id').notNull(),
    proposedBy: uuid('proposed_by').references(() => users.id, { onDelete: 'set null' }),
    proposedAt: at('proposed_at').notNull().defaultNow(),
    acceptedBy: uuid('accepted_by').references(() => users.id, { onDelete: 'set null' }),
    acceptedAt: at('accepted_at'),
  },
  (t) => [
    index('group_links_group_idx').on(t.groupId),
    index('group_links_other_idx').on(t.otherGroupId),
    check('group_links_not_self', sql`${t.groupId} <> ${t.otherGroupId}`),
    check('group_links_accepted', sql`(${t.acceptedAt} is null) = (${t.acceptedBy} is null)`),
  ],
);

/**
 * A release to a linked group is an offer: the receiving group's people see
 * the item only once one of its chairs accepts it.
 */
export const releaseOffers = pgTable(
  'release_offers',
  {
    releaseId: uuid('release_id')
      .notNull()
      .references(() => releases.id, { onDelete: 'cascade' }),
    groupId: uuid('group_id')
      .notNull()
      .references(() => groups.id, { onDelete: 'cascade' }),
    /** 'offered', 'accepted' or 'declined'. */
    status: text('status', { enum: OFFER_STATUSES }).notNull().default('offered'),
    offeredAt: at('offered_at').notNull().defaultNow(),
    answeredBy: uuid('answered_by').references(() => users.id, { onDelete: 'set null' }),
    answeredAt: at('answered_at'),
  },
  (t) => [
    primaryKey({ columns: [t.releaseId, t.groupId] }),
    index('release_offers_group_idx').on(t.groupId),
    check('release_offers_status', oneOf(t.status, OFFER_STATUSES)),
  ],
);
