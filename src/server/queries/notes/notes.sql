-- The SQL of src/server/modules/notes/notes.repository.ts, function by function, as
-- test/sql/queries.test.ts records it (npm run sql:update rewrites this file).

-- claimOverdueReminder
update "actions" set "overdue_reminded_on" = $1 where ("actions"."id" = $2 and ("actions"."overdue_reminded_on" is null or "actions"."overdue_reminded_on" <> $3)) returning "id";

-- commentsOf
select "note_comments"."id", "note_comments"."notes_id", coalesce("users"."name", 'Someone who has left'), "note_comments"."body", "note_comments"."created_at" from "note_comments" left join "users" on "users"."id" = "note_comments"."user_id" where "note_comments"."notes_id" = any($1::uuid[]) order by "note_comments"."created_at" asc;

-- findAction
select "id", "group_id", "meeting_id", "item_id", "title", "owner_id", "due_on", "status", "overdue_reminded_on", "created_by", "created_at", "updated_at" from "actions" where ("actions"."id" = $1 and "actions"."group_id" = $2) for update;

-- insertAction
insert into "actions" ("id", "group_id", "meeting_id", "item_id", "title", "owner_id", "due_on", "status", "overdue_reminded_on", "created_by", "created_at", "updated_at") values (default, $1, default, default, default, $2, default, default, default, default, default, default) returning "id", "group_id", "meeting_id", "item_id", "title", "owner_id", "due_on", "status", "overdue_reminded_on", "created_by", "created_at", "updated_at";

-- insertComment
insert into "note_comments" ("id", "notes_id", "user_id", "body", "created_at") values (default, $1, $2, $3, default);

-- insertVersion
insert into "meeting_notes" ("id", "meeting_id", "version", "status", "content", "not_views", "correction_reason", "edited_by", "updated_at", "circulated_at", "approved_at", "approved_at_meeting") values (default, $1, $2, default, default, default, default, default, default, default, default, default) returning "id", "meeting_id", "version", "status", "content", "not_views", "correction_reason", "edited_by", "updated_at", "circulated_at", "approved_at", "approved_at_meeting", "search_vector";

-- latestForUpdate
select "id", "meeting_id", "version", "status", "content", "not_views", "correction_reason", "edited_by", "updated_at", "circulated_at", "approved_at", "approved_at_meeting", "search_vector" from "meeting_notes" where "meeting_notes"."meeting_id" = $1 order by "meeting_notes"."version" desc limit $2 for update;

-- listActions
select "actions"."id", "actions"."group_id", "actions"."meeting_id", "actions"."item_id", "actions"."title", "actions"."owner_id", "actions"."due_on", "actions"."status", "actions"."overdue_reminded_on", "actions"."created_by", "actions"."created_at", "actions"."updated_at", "users"."name" from "actions" inner join "users" on "users"."id" = "actions"."owner_id" where ("actions"."group_id" = $1 and "actions"."owner_id" = $2 and "actions"."status" = $3 and "actions"."meeting_id" = $4) order by "actions"."due_on" asc, "actions"."created_at" asc limit $5;

-- overdueActions
select "actions"."id", "actions"."group_id", "actions"."meeting_id", "actions"."item_id", "actions"."title", "actions"."owner_id", "actions"."due_on", "actions"."status", "actions"."overdue_reminded_on", "actions"."created_by", "actions"."created_at", "actions"."updated_at", "users"."email", "users"."name", "users"."language" from "actions" inner join "users" on "users"."id" = "actions"."owner_id" where ("actions"."status" = $1 and "actions"."due_on" < $2 and ("actions"."overdue_reminded_on" is null or "actions"."overdue_reminded_on" < ($3::date - 7))) limit $4;

-- peopleNames
select "users"."id", "users"."name", "users"."known_as", "group_people"."role", "users"."job_title", "users"."organisation" from "group_people" inner join "users" on "users"."id" = "group_people"."user_id" where "group_people"."group_id" = $1;

-- updateAction
update "actions" set "status" = $1, "updated_at" = $2 where "actions"."id" = $3 returning "id", "group_id", "meeting_id", "item_id", "title", "owner_id", "due_on", "status", "overdue_reminded_on", "created_by", "created_at", "updated_at";

-- updateVersion
update "meeting_notes" set "status" = $1, "updated_at" = now() where "meeting_notes"."id" = $2 returning "id", "meeting_id", "version", "status", "content", "not_views", "correction_reason", "edited_by", "updated_at", "circulated_at", "approved_at", "approved_at_meeting", "search_vector";

-- versionsOf
select "id", "meeting_id", "version", "status", "content", "not_views", "correction_reason", "edited_by", "updated_at", "circulated_at", "approved_at", "approved_at_meeting", "search_vector" from "meeting_notes" where "meeting_notes"."meeting_id" = $1 order by "meeting_notes"."version" desc;

-- workingGroupChairs
select "group_people"."user_id", "groups"."name" from "groups" inner join "group_people" on "group_people"."group_id" = "groups"."id" where ("groups"."parent_id" = $1 and "group_people"."role" = $2) order by "groups"."name" asc;
