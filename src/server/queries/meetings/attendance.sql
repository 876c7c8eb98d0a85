-- The SQL of src/server/modules/meetings/attendance.repository.ts, function by function, as
-- test/sql/queries.test.ts records it (npm run sql:update rewrites this file).

-- checkInOnce
insert into "attendance" ("meeting_id", "user_id", "intent", "apology_reason", "mark", "checked_in_at", "updated_by", "updated_at") values ($1, $2, default, default, $3, $4, $5, default) on conflict ("meeting_id","user_id") do update set "mark" = $6, "checked_in_at" = $7, "updated_by" = $8, "updated_at" = $9 where "attendance"."checked_in_at" is null;

-- findAttendance
select "meeting_id", "user_id", "intent", "apology_reason", "mark", "checked_in_at", "updated_by", "updated_at" from "attendance" where ("attendance"."meeting_id" = $1 and "attendance"."user_id" = $2);

-- insertAttendanceCorrection
insert into "attendance_corrections" ("id", "meeting_id", "kind", "reason", "changes", "made_by", "made_at") values (default, $1, $2, $3, $4, $5, default);

-- listAttendanceCorrections
select "kind", "reason", "changes", "made_at" from "attendance_corrections" where "attendance_corrections"."meeting_id" = $1 order by "attendance_corrections"."made_at" asc, "attendance_corrections"."id" asc;

-- marksOf
select "meeting_id", "user_id", "mark" from "attendance" where "attendance"."meeting_id" in ($1);

-- meetingsOfGroup
select "id", "group_id", "title", "source", "occurrence_date", "time_zone", "starts_at", "ends_at", "place", "online_url", "status", "moved_reason", "cancelled_reason", "sequence", "agenda_published_at", "check_in_margin_minutes", "current_agenda_item_id", "week_reminder_sent_at", "day_reminder_sent_at", "created_by", "created_at", "updated_at" from "meetings" where ("meetings"."group_id" = $1 and "meetings"."status" = $2) order by "meetings"."starts_at" asc;

-- myIntents
select "meeting_id", "intent" from "attendance" where ("attendance"."meeting_id" in ($1) and "attendance"."user_id" = $2);

-- peopleByEmail
select "users"."id", "users"."email" from "group_people" inner join "users" on "users"."id" = "group_people"."user_id" where "group_people"."group_id" = $1;

-- register
select "group_people"."user_id", "users"."name", "group_people"."role", "group_people"."joined_at", "attendance"."intent", "attendance"."apology_reason", "attendance"."mark", "attendance"."checked_in_at", "group_people"."categories" from "group_people" inner join "users" on "users"."id" = "group_people"."user_id" left join "attendance" on ("attendance"."meeting_id" = $1 and "attendance"."user_id" = "group_people"."user_id") where "group_people"."group_id" = $2 order by "users"."name" asc, "users"."id" asc;

-- upsertAttendance
insert into "attendance" ("meeting_id", "user_id", "intent", "apology_reason", "mark", "checked_in_at", "updated_by", "updated_at") values ($1, $2, $3, default, default, default, $4, default) on conflict ("meeting_id","user_id") do update set "intent" = $5, "updated_by" = $6, "updated_at" = $7 returning "meeting_id", "user_id", "intent", "apology_reason", "mark", "checked_in_at", "updated_by", "updated_at";

-- upsertMarks
with written as (
          insert into attendance (meeting_id, user_id, mark, intent, apology_reason, updated_by)
          select r.meeting_id, r.user_id, r.mark, r.intent, r.apology_reason, $1::uuid
          from unnest(
            $2::uuid[],
            $3::uuid[],
            $4::text[],
            $5::text[],
            $6::text[]
          ) as r(meeting_id, user_id, mark, intent, apology_reason)
          on conflict (meeting_id, user_id) do update set
            mark = excluded.mark,
            intent = coalesce(excluded.intent, attendance.intent),
            apology_reason = coalesce(excluded.apology_reason, attendance.apology_reason),
            updated_by = excluded.updated_by,
            updated_at = now()
          returning 1
        )
        select count(*)::int as written from written;
