-- The SQL of src/server/modules/accounts/accounts.repository.ts, function by function, as
-- test/sql/queries.test.ts records it (npm run sql:update rewrites this file).

-- attemptStats
select count(*), min("attempted_at"), max("attempted_at"), now() from "auth_attempts" where ("auth_attempts"."key" = $1 and "auth_attempts"."attempted_at" > now() - make_interval(secs => $2));

-- clearAttempts
delete from "auth_attempts" where starts_with("auth_attempts"."key", $1);

-- consumeOneTimeToken
update "one_time_tokens" set "used_at" = now() where ("one_time_tokens"."token_hash" = $1 and "one_time_tokens"."purpose" = $2 and "one_time_tokens"."used_at" is null and "one_time_tokens"."expires_at" > now()) returning "user_id", "new_email";

-- consumeRegistration
update "registrations" set "used_at" = now() where ("registrations"."token_hash" = $1 and "registrations"."used_at" is null) returning "token_hash";

-- countUsers
select count(*) from "users";

-- deleteSession
delete from "sessions" where "sessions"."id_hash" = $1;

-- deleteSessionsOf
delete from "sessions" where "sessions"."user_id" = $1;

-- findApiTokenUser
select "users"."id", "users"."is_admin", "api_tokens"."id", "api_tokens"."last_used_at" from "api_tokens" inner join "users" on "users"."id" = "api_tokens"."user_id" where ("api_tokens"."token_hash" = $1 and "api_tokens"."revoked_at" is null);

-- findSessionUser
select id, is_admin from accord_session_actor($1);

-- findUsableRegistration
select "token_hash", "email", "name", "password_hash", "language", "created_at", "expires_at", "used_at" from "registrations" where ("registrations"."token_hash" = $1 and "registrations"."used_at" is null and "registrations"."expires_at" > now());

-- findUserByEmail
select "id", "email", "name", "known_as", "job_title", "organisation", "password_hash", "is_admin", "language", "created_at" from "users" where "users"."email" = $1;

-- findUserById
select "id", "email", "name", "known_as", "job_title", "organisation", "password_hash", "is_admin", "language", "created_at" from "users" where "users"."id" = $1;

-- hasRecentToken
select "token_hash" from "one_time_tokens" where ("one_time_tokens"."user_id" = $1 and "one_time_tokens"."purpose" = $2 and "one_time_tokens"."used_at" is null and "one_time_tokens"."expires_at" > now() and "one_time_tokens"."created_at" > now() - make_interval(secs => $3) and "one_time_tokens"."new_email" = $4) limit $5;

-- insertApiToken
insert into "api_tokens" ("id", "user_id", "name", "token_hash", "prefix", "created_at", "last_used_at", "revoked_at") values (default, $1, $2, $3, $4, default, default, default) returning "id", "user_id", "name", "token_hash", "prefix", "created_at", "last_used_at", "revoked_at";

-- insertOneTimeToken
insert into "one_time_tokens" ("token_hash", "user_id", "purpose", "created_at", "expires_at", "used_at", "new_email") values ($1, $2, $3, default, $4, default, default);

-- insertRegistration
insert into "registrations" ("token_hash", "email", "name", "password_hash", "language", "created_at", "expires_at", "used_at") values ($1, $2, $3, $4, $5, default, $6, default);

-- insertSession
insert into "sessions" ("id_hash", "user_id", "created_at", "expires_at") values ($1, $2, default, $3);

-- insertUser
insert into "users" ("id", "email", "name", "known_as", "job_title", "organisation", "password_hash", "is_admin", "language", "created_at") values (default, $1, $2, default, default, default, $3, $4, default, default) returning "id", "email", "name", "known_as", "job_title", "organisation", "password_hash", "is_admin", "language", "created_at";

-- insertUsers
insert into "users" ("id", "email", "name", "known_as", "job_title", "organisation", "password_hash", "is_admin", "language", "created_at") values (default, $1, $2, default, default, default, $3, $4, default, default) returning "id", "email", "name", "known_as", "job_title", "organisation", "password_hash", "is_admin", "language", "created_at";

-- languageOf
select "language" from "users" where "users"."id" = $1;

-- listApiTokens
select "id", "user_id", "name", "token_hash", "prefix", "created_at", "last_used_at", "revoked_at" from "api_tokens" where ("api_tokens"."user_id" = $1 and "api_tokens"."revoked_at" is null) order by "api_tokens"."created_at" desc;

-- lockInstallation
select pg_advisory_xact_lock(7216001);

-- pruneExpired
delete from "auth_attempts" where "auth_attempts"."attempted_at" < now() - make_interval(secs => $1);
delete from "sessions" where "sessions"."expires_at" < now();
delete from "one_time_tokens" where "one_time_tokens"."expires_at" < now() - interval '1 day';
delete from "registrations" where "registrations"."expires_at" < now() - interval '1 day';

-- recordAttempt
insert into "auth_attempts" ("id", "key", "attempted_at") values (default, $1, default);

-- revokeApiToken
update "api_tokens" set "revoked_at" = now() where ("api_tokens"."id" = $1 and "api_tokens"."user_id" = $2 and "api_tokens"."revoked_at" is null) returning "id";

-- setAdmin
update "users" set "is_admin" = $1 where "users"."id" = $2;

-- setEmail
update "users" set "email" = $1 where "users"."id" = $2 returning "id", "email", "name", "known_as", "job_title", "organisation", "password_hash", "is_admin", "language", "created_at";

-- setPassword
update "users" set "password_hash" = $1 where "users"."id" = $2;

-- touchApiToken
update "api_tokens" set "last_used_at" = now() where "api_tokens"."id" = $1;

-- updateProfile
update "users" set "name" = $1, "known_as" = $2, "job_title" = $3, "organisation" = $4, "language" = $5 where "users"."id" = $6 returning "id", "email", "name", "known_as", "job_title", "organisation", "password_hash", "is_admin", "language", "created_at";
