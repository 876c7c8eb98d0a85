-- The SQL of src/server/modules/groups/groups.repository.ts, function by function, as
-- test/sql/queries.test.ts records it (npm run sql:update rewrites this file).

-- addPeople
insert into "group_people" ("group_id", "user_id", "role", "joined_at", "categories") values ($1, $2, $3, $4, default) on conflict do nothing returning "user_id";

-- addPerson
insert into "group_people" ("group_id", "user_id", "role", "joined_at", "categories") values ($1, $2, $3, default, default) on conflict do nothing returning "user_id";

-- countChairs
select count(*) from "group_people" where ("group_people"."group_id" = $1 and "group_people"."role" = $2);

-- countPeople
select count(*) from "group_people" where "group_people"."group_id" = $1;

-- findGroupFor
select accord_group_for($1::uuid, $2::uuid) as found;

-- findRole
select "role" from "group_people" where ("group_people"."group_id" = $1 and "group_people"."user_id" = $2);

-- findUsableInvitation
select "invitations"."id", "invitations"."group_id", "invitations"."token_hash", "invitations"."email", "invitations"."created_by", "invitations"."created_at", "invitations"."expires_at", "invitations"."revoked_at", "groups"."id", "groups"."name", "groups"."purpose", "groups"."parent_id", "groups"."terms_key", "groups"."created_by", "groups"."created_at", "groups"."updated_at" from "invitations" inner join "groups" on "groups"."id" = "invitations"."group_id" where ("invitations"."token_hash" = $1 and "invitations"."revoked_at" is null and ("invitations"."expires_at" is null or "invitations"."expires_at" > now()));

-- insertGroup
insert into "groups" ("id", "name", "purpose", "parent_id", "terms_key", "created_by", "created_at", "updated_at") values (default, $1, $2, $3, default, $4, default, default) returning "id", "name", "purpose", "parent_id", "terms_key", "created_by", "created_at", "updated_at";

-- insertInvitation
insert into "invitations" ("id", "group_id", "token_hash", "email", "created_by", "created_at", "expires_at", "revoked_at") values (default, $1, $2, $3, $4, default, $5, default) returning "id", "group_id", "token_hash", "email", "created_by", "created_at", "expires_at", "revoked_at";

-- listGroupsOf
select "groups"."id", "groups"."name", "groups"."purpose", "groups"."parent_id", "group_people"."role" from "group_people" inner join "groups" on "groups"."id" = "group_people"."group_id" where "group_people"."user_id" = $1 order by "groups"."name" asc;

-- listInvitations
select "id", "group_id", "token_hash", "email", "created_by", "created_at", "expires_at", "revoked_at" from "invitations" where "invitations"."group_id" = $1 order by "invitations"."created_at" desc;

-- listPeople
select "group_people"."user_id", "users"."name", "group_people"."role", "group_people"."joined_at" from "group_people" inner join "users" on "users"."id" = "group_people"."user_id" where "group_people"."group_id" = $1 order by "users"."name" asc, "group_people"."user_id" asc;

-- lockPeople
select "id" from "groups" where "groups"."id" = $1 for update;

-- removePerson
delete from "group_people" where ("group_people"."group_id" = $1 and "group_people"."user_id" = $2);

-- revokeInvitation
update "invitations" set "revoked_at" = coalesce("invitations"."revoked_at", now()) where ("invitations"."id" = $1 and "invitations"."group_id" = $2) returning "id";

-- setRole
update "group_people" set "role" = $1 where ("group_people"."group_id" = $2 and "group_people"."user_id" = $3);

-- termsKeyTaken
select "id" from "groups" where ("groups"."parent_id" = $1 and "groups"."terms_key" = $2);

-- updateGroup
update "groups" set "name" = $1, "purpose" = $2, "updated_at" = now() where "groups"."id" = $3;
