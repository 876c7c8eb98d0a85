-- The SQL of src/server/modules/meetings/meetings.repository.ts, function by function, as
-- test/sql/queries.test.ts records it (npm run sql:update rewrites this file).

-- cadenceMeetings
select "id", "group_id", "title", "source", "occurrence_date", "time_zone", "starts_at", "ends_at", "place", "online_url", "status", "moved_reason", "cancelled_reason", "sequence", "agenda_published_at", "check_in_margin_minutes", "current_agenda_item_id", "week_reminder_sent_at", "day_reminder_sent_at", "created_by", "created_at", "updated_at" from "meetings" where ("meetings"."group_id" = $1 and "meetings"."source" = $2 and ("meetings"."starts_at" >= $3 or "meetings"."occurrence_date" in ($4)));

-- claimReminder
update "meetings" set "week_reminder_sent_at" = $1 where ("meetings"."id" = $2 and "meetings"."week_reminder_sent_at" is null) returning "id";

-- deleteMeetings
delete from "meetings" where "meetings"."id" in ($1);

-- findMeeting
select "id", "group_id", "title", "source", "occurrence_date", "time_zone", "starts_at", "ends_at", "place", "online_url", "status", "moved_reason", "cancelled_reason", "sequence", "agenda_published_at", "check_in_margin_minutes", "current_agenda_item_id", "week_reminder_sent_at", "day_reminder_sent_at", "created_by", "created_at", "updated_at" from "meetings" where ("meetings"."id" = $1 and "meetings"."group_id" = $2);

-- groupsNeedingTopUp
select "id", "name", "purpose", "parent_id", "terms_key", "created_by", "created_at", "updated_at" from "groups" where exists (select 1 from "meetings" m where m.group_id = "groups"."id" and m.source = 'cadence')
        and (select max(m.starts_at) from "meetings" m where m.group_id = "groups"."id" and m.source = 'cadence') < $1 limit $2;

-- hasFutureCadenceMeetings
select "id" from "meetings" where ("meetings"."group_id" = $1 and "meetings"."source" = $2 and "meetings"."starts_at" > $3) limit $4;

-- insertMeetings
insert into "meetings" ("id", "group_id", "title", "source", "occurrence_date", "time_zone", "starts_at", "ends_at", "place", "online_url", "status", "moved_reason", "cancelled_reason", "sequence", "agenda_published_at", "check_in_margin_minutes", "current_agenda_item_id", "week_reminder_sent_at", "day_reminder_sent_at", "created_by", "created_at", "updated_at") values (default, $1, $2, default, default, default, default, default, default, default, default, default, default, default, default, default, default, default, default, default, default, default) returning "id", "group_id", "title", "source", "occurrence_date", "time_zone", "starts_at", "ends_at", "place", "online_url", "status", "moved_reason", "cancelled_reason", "sequence", "agenda_published_at", "check_in_margin_minutes", "current_agenda_item_id", "week_reminder_sent_at", "day_reminder_sent_at", "created_by", "created_at", "updated_at";

-- linkedWorkingGroups
select "id", "name", "purpose", "parent_id", "terms_key", "created_by", "created_at", "updated_at" from "groups" where ("groups"."parent_id" = $1 and "groups"."terms_key" is not null);

-- listMeetings
select "id", "group_id", "title", "source", "occurrence_date", "time_zone", "starts_at", "ends_at", "place", "online_url", "status", "moved_reason", "cancelled_reason", "sequence", "agenda_published_at", "check_in_margin_minutes", "current_agenda_item_id", "week_reminder_sent_at", "day_reminder_sent_at", "created_by", "created_at", "updated_at" from "meetings" where ("meetings"."group_id" = $1 and "meetings"."ends_at" > $2) order by "meetings"."starts_at" asc, "meetings"."id" asc;

-- listPeople
select "group_people"."user_id", "users"."name", "users"."email", "users"."language", "group_people"."role", "group_people"."joined_at", "group_people"."categories" from "group_people" inner join "users" on "users"."id" = "group_people"."user_id" where "group_people"."group_id" = $1 order by "users"."name" asc, "users"."id" asc;

-- lockGroupSchedule
select pg_advisory_xact_lock(7216004, hashtext($1));

-- lockMeeting
select "id", "group_id", "title", "source", "occurrence_date", "time_zone", "starts_at", "ends_at", "place", "online_url", "status", "moved_reason", "cancelled_reason", "sequence", "agenda_published_at", "check_in_margin_minutes", "current_agenda_item_id", "week_reminder_sent_at", "day_reminder_sent_at", "created_by", "created_at", "updated_at" from "meetings" where ("meetings"."id" = $1 and "meetings"."group_id" = $2) for update;

-- meetingsDueReminder
select "meetings"."id", "meetings"."group_id", "meetings"."title", "meetings"."source", "meetings"."occurrence_date", "meetings"."time_zone", "meetings"."starts_at", "meetings"."ends_at", "meetings"."place", "meetings"."online_url", "meetings"."status", "meetings"."moved_reason", "meetings"."cancelled_reason", "meetings"."sequence", "meetings"."agenda_published_at", "meetings"."check_in_margin_minutes", "meetings"."current_agenda_item_id", "meetings"."week_reminder_sent_at", "meetings"."day_reminder_sent_at", "meetings"."created_by", "meetings"."created_at", "meetings"."updated_at", "groups"."name" from "meetings" inner join "groups" on "groups"."id" = "meetings"."group_id" where ("meetings"."status" = $1 and "meetings"."week_reminder_sent_at" is null and "meetings"."starts_at" > $2 and "meetings"."starts_at" <= $3) order by "meetings"."starts_at" asc limit $4;

-- meetingsInUse
select "id" from "meetings" where ("meetings"."id" in ($1) and (exists (select 1 from "agenda_items" where "agenda_items"."meeting_id" = "meetings"."id") or exists (select 1 from "papers" where "papers"."meeting_id" = "meetings"."id") or exists (select 1 from "attendance" where "attendance"."meeting_id" = "meetings"."id")));

-- meetingTitles
select "id", "title" from "meetings" where "meetings"."id" in ($1);

-- personInGroup
select "group_people"."role", "users"."name", "group_people"."joined_at" from "group_people" inner join "users" on "users"."id" = "group_people"."user_id" where ("group_people"."group_id" = $1 and "group_people"."user_id" = $2);

-- updateMeeting
update "meetings" set "title" = $1, "updated_at" = $2 where "meetings"."id" = $3 returning "id", "group_id", "title", "source", "occurrence_date", "time_zone", "starts_at", "ends_at", "place", "online_url", "status", "moved_reason", "cancelled_reason", "sequence", "agenda_published_at", "check_in_margin_minutes", "current_agenda_item_id", "week_reminder_sent_at", "day_reminder_sent_at", "created_by", "created_at", "updated_at";
