-- The SQL of src/server/modules/working-groups/working-groups.repository.ts, function by function, as
-- test/sql/queries.test.ts records it (npm run sql:update rewrites this file).

-- commit
insert into "working_group_commitments" ("id", "group_id", "user_id", "hours_per_month", "committed_at", "stepped_back_at") values (default, $1, $2, $3, default, default) on conflict ("group_id","user_id") where "working_group_commitments"."stepped_back_at" is null do update set "hours_per_month" = $4 returning "id", "group_id", "user_id", "hours_per_month", "committed_at", "stepped_back_at";

-- currentCommitments
select "working_group_commitments"."user_id", "users"."name", "working_group_commitments"."hours_per_month", "working_group_commitments"."committed_at" from "working_group_commitments" inner join "users" on "users"."id" = "working_group_commitments"."user_id" where ("working_group_commitments"."group_id" = $1 and "working_group_commitments"."stepped_back_at" is null) order by "users"."name" asc, "users"."id" asc;

-- findGroup
select "id", "name", "purpose", "parent_id", "terms_key", "created_by", "created_at", "updated_at" from "groups" where "groups"."id" = $1;

-- roleIn
select "role" from "group_people" where ("group_people"."group_id" = $1 and "group_people"."user_id" = $2);

-- stepBack
update "working_group_commitments" set "stepped_back_at" = $1 where ("working_group_commitments"."group_id" = $2 and "working_group_commitments"."user_id" = $3 and "working_group_commitments"."stepped_back_at" is null) returning "id";
