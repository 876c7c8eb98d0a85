-- The SQL of src/server/modules/releases/releases.repository.ts, function by function, as
-- test/sql/queries.test.ts records it (npm run sql:update rewrites this file).

-- acceptedOffers
select "release_id", "group_id" from "release_offers" where ("release_offers"."release_id" in ($1) and "release_offers"."status" = $2);

-- acceptLink
update "group_links" set "accepted_by" = $1, "accepted_at" = $2 where "group_links"."id" = $3 returning "id", "group_id", "other_group_id", "proposed_by", "proposed_at", "accepted_by", "accepted_at";

-- agreedLinkBetween
select "id" from "group_links" where ("group_links"."accepted_at" is not null and (("group_links"."group_id" = $1 and "group_links"."other_group_id" = $2) or ("group_links"."group_id" = $3 and "group_links"."other_group_id" = $4))) limit $5;

-- allReleases
select "id", "group_id", "item_type", "item_id", "audience", "group_ids", "decision_id", "agreed_at_meeting", "recorded_by", "released_at", "withdrawn_at", "withdrawn_by", "withdraw_decision_id", "withdraw_agreed_at_meeting" from "releases" where "releases"."group_id" = $1 order by "releases"."released_at" desc;

-- answerOffer
update "release_offers" set "status" = $1, "answered_by" = $2, "answered_at" = $3 where ("release_offers"."group_id" = $4 and "release_offers"."release_id" = $5) returning "release_id", "group_id", "status", "offered_at", "answered_by", "answered_at";

-- authorisationsOf
select "id", "proposal_id", "group_id", "action", "item_type", "item_id", "audience", "group_ids", "used_at", "release_id" from "release_authorisations" where "release_authorisations"."proposal_id" in ($1);

-- childrenOf
select "id", "name", "purpose", "parent_id", "terms_key", "created_by", "created_at", "updated_at" from "groups" where "groups"."parent_id" = $1;

-- consumeAuthorisation
update "release_authorisations" set "used_at" = $1, "release_id" = $2 where ("release_authorisations"."id" = $3 and "release_authorisations"."used_at" is null) returning "id", "proposal_id", "group_id", "action", "item_type", "item_id", "audience", "group_ids", "used_at", "release_id";

-- currentReleases
select "id", "group_id", "item_type", "item_id", "audience", "group_ids", "decision_id", "agreed_at_meeting", "recorded_by", "released_at", "withdrawn_at", "withdrawn_by", "withdraw_decision_id", "withdraw_agreed_at_meeting" from "releases" where ("releases"."group_id" = $1 and "releases"."withdrawn_at" is null) order by "releases"."released_at" desc;

-- deleteLink
delete from "group_links" where "group_links"."id" = $1;

-- findCurrentRelease
select "id", "group_id", "item_type", "item_id", "audience", "group_ids", "decision_id", "agreed_at_meeting", "recorded_by", "released_at", "withdrawn_at", "withdrawn_by", "withdraw_decision_id", "withdraw_agreed_at_meeting" from "releases" where ("releases"."id" = $1 and "releases"."group_id" = $2 and "releases"."withdrawn_at" is null);

-- findLink
select "id", "group_id", "other_group_id", "proposed_by", "proposed_at", "accepted_by", "accepted_at" from "group_links" where ("group_links"."id" = $1 and ("group_links"."group_id" = $2 or "group_links"."other_group_id" = $3)) for update;

-- findOffer
select "release_offers"."release_id", "release_offers"."group_id", "release_offers"."status", "release_offers"."offered_at", "release_offers"."answered_by", "release_offers"."answered_at", "releases"."id", "releases"."group_id", "releases"."item_type", "releases"."item_id", "releases"."audience", "releases"."group_ids", "releases"."decision_id", "releases"."agreed_at_meeting", "releases"."recorded_by", "releases"."released_at", "releases"."withdrawn_at", "releases"."withdrawn_by", "releases"."withdraw_decision_id", "releases"."withdraw_agreed_at_meeting" from "release_offers" inner join "releases" on "releases"."id" = "release_offers"."release_id" where ("release_offers"."group_id" = $1 and "release_offers"."release_id" = $2 and "releases"."withdrawn_at" is null) for update of "release_offers";

-- findRelease
select "id", "group_id", "item_type", "item_id", "audience", "group_ids", "decision_id", "agreed_at_meeting", "recorded_by", "released_at", "withdrawn_at", "withdrawn_by", "withdraw_decision_id", "withdraw_agreed_at_meeting" from "releases" where ("releases"."id" = $1 and "releases"."group_id" = $2) for update;

-- groupRow
select "id", "name", "purpose", "parent_id", "terms_key", "created_by", "created_at", "updated_at" from "groups" where "groups"."id" = $1;

-- groupsByIds
select "id", "name", "purpose", "parent_id", "terms_key", "created_by", "created_at", "updated_at" from "groups" where "groups"."id" in ($1);

-- groupsOf
select "group_id" from "group_people" where "group_people"."user_id" = $1;

-- insertAuthorisations
insert into "release_authorisations" ("id", "proposal_id", "group_id", "action", "item_type", "item_id", "audience", "group_ids", "used_at", "release_id") values (default, $1, default, default, default, default, default, default, default, default);

-- insertLink
insert into "group_links" ("id", "group_id", "other_group_id", "proposed_by", "proposed_at", "accepted_by", "accepted_at") values (default, $1, $2, default, default, default, default) returning "id", "group_id", "other_group_id", "proposed_by", "proposed_at", "accepted_by", "accepted_at";

-- insertOffers
insert into "release_offers" ("release_id", "group_id", "status", "offered_at", "answered_by", "answered_at") values ($1, $2, default, default, default, default) on conflict do nothing;

-- insertRelease
insert into "releases" ("id", "group_id", "item_type", "item_id", "audience", "group_ids", "decision_id", "agreed_at_meeting", "recorded_by", "released_at", "withdrawn_at", "withdrawn_by", "withdraw_decision_id", "withdraw_agreed_at_meeting") values (default, $1, default, $2, default, default, default, default, default, default, default, default, default, default) on conflict do nothing returning "id", "group_id", "item_type", "item_id", "audience", "group_ids", "decision_id", "agreed_at_meeting", "recorded_by", "released_at", "withdrawn_at", "withdrawn_by", "withdraw_decision_id", "withdraw_agreed_at_meeting";

-- linksOf
select "id", "group_id", "other_group_id", "proposed_by", "proposed_at", "accepted_by", "accepted_at" from "group_links" where ("group_links"."group_id" = $1 or "group_links"."other_group_id" = $2) order by "group_links"."proposed_at" desc;

-- offersTo
select "release_offers"."release_id", "release_offers"."group_id", "release_offers"."status", "release_offers"."offered_at", "release_offers"."answered_by", "release_offers"."answered_at", "releases"."id", "releases"."group_id", "releases"."item_type", "releases"."item_id", "releases"."audience", "releases"."group_ids", "releases"."decision_id", "releases"."agreed_at_meeting", "releases"."recorded_by", "releases"."released_at", "releases"."withdrawn_at", "releases"."withdrawn_by", "releases"."withdraw_decision_id", "releases"."withdraw_agreed_at_meeting" from "release_offers" inner join "releases" on "releases"."id" = "release_offers"."release_id" where ("release_offers"."group_id" = $1 and "releases"."withdrawn_at" is null) order by "release_offers"."offered_at" desc;

-- withdraw
update "releases" set "withdrawn_at" = $1, "withdrawn_by" = $2, "withdraw_decision_id" = $3, "withdraw_agreed_at_meeting" = $4 where "releases"."id" = $5 returning "id", "group_id", "item_type", "item_id", "audience", "group_ids", "decision_id", "agreed_at_meeting", "recorded_by", "released_at", "withdrawn_at", "withdrawn_by", "withdraw_decision_id", "withdraw_agreed_at_meeting";
