-- The SQL of src/server/modules/calendar/calendar.repository.ts, function by function, as
-- test/sql/queries.test.ts records it (npm run sql:update rewrites this file).

-- feedGroups
select "groups"."id", "groups"."name" from "group_people" inner join "groups" on "groups"."id" = "group_people"."group_id" where ("group_people"."user_id" = $1 and "group_people"."group_id" = $2);

-- findFeedByToken
select "id", "user_id", "group_id", "token_hash", "created_at", "revoked_at" from "calendar_feeds" where ("calendar_feeds"."token_hash" = $1 and "calendar_feeds"."revoked_at" is null);

-- insertFeed
insert into "calendar_feeds" ("id", "user_id", "group_id", "token_hash", "created_at", "revoked_at") values (default, $1, $2, $3, default, default) returning "id", "user_id", "group_id", "token_hash", "created_at", "revoked_at";

-- listFeeds
select "calendar_feeds"."id", "calendar_feeds"."created_at", "calendar_feeds"."group_id", "groups"."name" from "calendar_feeds" left join "groups" on "groups"."id" = "calendar_feeds"."group_id" where ("calendar_feeds"."user_id" = $1 and "calendar_feeds"."revoked_at" is null) order by "calendar_feeds"."created_at" desc, "calendar_feeds"."id" asc;

-- meetingsForFeed
select "id", "group_id", "title", "source", "occurrence_date", "time_zone", "starts_at", "ends_at", "place", "online_url", "status", "moved_reason", "cancelled_reason", "sequence", "agenda_published_at", "check_in_margin_minutes", "current_agenda_item_id", "week_reminder_sent_at", "day_reminder_sent_at", "created_by", "created_at", "updated_at" from "meetings" where ("meetings"."group_id" in ($1) and "meetings"."starts_at" >= $2 and "meetings"."starts_at" <= $3) order by "meetings"."starts_at" asc, "meetings"."id" asc limit $4;

-- revokeFeed
update "calendar_feeds" set "revoked_at" = $1 where ("calendar_feeds"."id" = $2 and "calendar_feeds"."user_id" = $3 and "calendar_feeds"."revoked_at" is null) returning "id";
