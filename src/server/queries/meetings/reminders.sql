-- The SQL of src/server/modules/meetings/reminders.repository.ts, function by function, as
-- test/sql/queries.test.ts records it (npm run sql:update rewrites this file).

-- getSettings
select "week_before", "day_before" from "notification_settings" where "notification_settings"."user_id" = $1;

-- reminderRecipients
select "users"."id", "users"."name", "users"."email", "users"."language", "group_people"."role" from "group_people" inner join "users" on "users"."id" = "group_people"."user_id" left join "notification_settings" on "notification_settings"."user_id" = "users"."id" left join "attendance" on ("attendance"."meeting_id" = $1 and "attendance"."user_id" = "users"."id") where ("group_people"."group_id" = $2 and ("notification_settings"."user_id" is null or "notification_settings"."day_before" = $3) and coalesce("attendance"."intent", '') <> 'apologies' and coalesce("attendance"."mark", '') <> 'apologies');

-- saveSettings
insert into "notification_settings" ("user_id", "week_before", "day_before", "updated_at") values ($1, $2, $3, default) on conflict ("user_id") do update set "week_before" = $4, "day_before" = $5, "updated_at" = $6;
