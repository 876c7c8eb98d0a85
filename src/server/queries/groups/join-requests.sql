-- The SQL of src/server/modules/groups/join-requests.repository.ts, function by function, as
-- test/sql/queries.test.ts records it (npm run sql:update rewrites this file).

-- countRequestsSince
select count(*), min("created_at") from "join_requests" where ("join_requests"."user_id" = $1 and "join_requests"."created_at" >= $2);

-- decideRequest
update "join_requests" set "status" = $1, "decided_at" = now(), "decided_by" = $2 where "join_requests"."id" = $3 returning "id", "group_id", "user_id", "message", "status", "created_at", "decided_at", "decided_by";

-- findGroup
select "id", "name", "purpose", "parent_id" from "groups" where "groups"."id" = $1;

-- findOpenRequestOf
select "id", "group_id", "user_id", "message", "status", "created_at", "decided_at", "decided_by" from "join_requests" where ("join_requests"."group_id" = $1 and "join_requests"."user_id" = $2 and "join_requests"."status" = $3);

-- findPublicPageSettings
select "listed", "show_meetings" from "group_public_pages" where "group_public_pages"."group_id" = $1;

-- findRequestForUpdate
select "join_requests"."id", "join_requests"."group_id", "join_requests"."user_id", "join_requests"."message", "join_requests"."status", "join_requests"."created_at", "join_requests"."decided_at", "join_requests"."decided_by", "users"."name", "users"."email", "users"."language" from "join_requests" inner join "users" on "users"."id" = "join_requests"."user_id" where ("join_requests"."id" = $1 and "join_requests"."group_id" = $2) for update of "join_requests";

-- insertRequest
insert into "join_requests" ("id", "group_id", "user_id", "message", "status", "created_at", "decided_at", "decided_by") values (default, $1, $2, $3, default, default, default, default) on conflict do nothing returning "id", "group_id", "user_id", "message", "status", "created_at", "decided_at", "decided_by";

-- isInGroup
select "user_id" from "group_people" where ("group_people"."group_id" = $1 and "group_people"."user_id" = $2);

-- listOpenRequests
select "join_requests"."id", "join_requests"."group_id", "join_requests"."user_id", "join_requests"."message", "join_requests"."status", "join_requests"."created_at", "join_requests"."decided_at", "join_requests"."decided_by", "users"."name" from "join_requests" inner join "users" on "users"."id" = "join_requests"."user_id" where ("join_requests"."group_id" = $1 and "join_requests"."status" = $2) order by "join_requests"."created_at" asc, "join_requests"."id" asc;

-- lockPerson
select "id" from "users" where "users"."id" = $1 for update;

-- personName
select "name" from "users" where "users"."id" = $1;

-- savePublicPageSettings
insert into "group_public_pages" ("group_id", "listed", "show_meetings", "updated_at") values ($1, $2, $3, default) on conflict ("group_id") do update set "listed" = $4, "show_meetings" = $5, "updated_at" = now();

-- upcomingMeetingTimes
select "starts_at", "ends_at", "time_zone" from "meetings" where ("meetings"."group_id" = $1 and "meetings"."status" = $2 and "meetings"."starts_at" > $3) order by "meetings"."starts_at" asc, "meetings"."id" asc limit $4;
