-- The SQL of src/server/modules/terms/terms.repository.ts, function by function, as
-- test/sql/queries.test.ts records it (npm run sql:update rewrites this file).

-- adopt
update "terms_versions" set "number" = $1, "status" = $2, "updated_at" = now(), "adopted_on" = $3, "adopted_by" = $4, "adoption_note" = $5, "decision_id" = $6 where ("terms_versions"."id" = $7 and "terms_versions"."status" = $8) returning "id", "group_id", "number", "status", "document", "created_by", "created_at", "updated_at", "adopted_on", "adopted_by", "adoption_note", "decision_id", "review_notice_sent_at";

-- claimReviewNotices
select "id", "group_id", "number", "status", "document", "created_by", "created_at", "updated_at", "adopted_on", "adopted_by", "adoption_note", "decision_id", "review_notice_sent_at" from "terms_versions" where ("terms_versions"."status" = $1 and "terms_versions"."review_notice_sent_at" is null);

-- countReminders
select "clause", count(*) from "behaviour_reminders" where "behaviour_reminders"."group_id" = $1 group by "behaviour_reminders"."clause" order by "behaviour_reminders"."clause" asc;

-- findAcceptance
select "version_id", "user_id", "accepted_at" from "terms_acceptances" where ("terms_acceptances"."version_id" = $1 and "terms_acceptances"."user_id" = $2);

-- findAdoptedVersionById
select "id", "group_id", "number", "status", "document", "created_by", "created_at", "updated_at", "adopted_on", "adopted_by", "adoption_note", "decision_id", "review_notice_sent_at" from "terms_versions" where ("terms_versions"."group_id" = $1 and "terms_versions"."id" = $2 and "terms_versions"."number" is not null);

-- findDraft
select "id", "group_id", "number", "status", "document", "created_by", "created_at", "updated_at", "adopted_on", "adopted_by", "adoption_note", "decision_id", "review_notice_sent_at" from "terms_versions" where ("terms_versions"."group_id" = $1 and "terms_versions"."status" = $2);

-- findInForce
select "id", "group_id", "number", "status", "document", "created_by", "created_at", "updated_at", "adopted_on", "adopted_by", "adoption_note", "decision_id", "review_notice_sent_at" from "terms_versions" where ("terms_versions"."group_id" = $1 and "terms_versions"."status" = $2);

-- findInForceOn
select "id", "group_id", "number", "status", "document", "created_by", "created_at", "updated_at", "adopted_on", "adopted_by", "adoption_note", "decision_id", "review_notice_sent_at" from "terms_versions" where ("terms_versions"."group_id" = $1 and "terms_versions"."number" is not null and "terms_versions"."adopted_on" <= $2::date) order by "terms_versions"."adopted_on" desc, "terms_versions"."number" desc limit $3;

-- findVersion
select "id", "group_id", "number", "status", "document", "created_by", "created_at", "updated_at", "adopted_on", "adopted_by", "adoption_note", "decision_id", "review_notice_sent_at" from "terms_versions" where ("terms_versions"."group_id" = $1 and "terms_versions"."number" = $2);

-- insertAcceptance
insert into "terms_acceptances" ("version_id", "user_id", "accepted_at") values ($1, $2, default) on conflict do nothing;

-- insertDraft
insert into "terms_versions" ("id", "group_id", "number", "status", "document", "created_by", "created_at", "updated_at", "adopted_on", "adopted_by", "adoption_note", "decision_id", "review_notice_sent_at") values (default, $1, default, $2, $3, $4, default, default, default, default, default, default, default) returning "id", "group_id", "number", "status", "document", "created_by", "created_at", "updated_at", "adopted_on", "adopted_by", "adoption_note", "decision_id", "review_notice_sent_at";

-- insertReminder
insert into "behaviour_reminders" ("id", "group_id", "meeting_id", "clause", "raised_on") values (default, $1, $2, $3, default) returning "id", "group_id", "meeting_id", "clause", "raised_on";

-- listAcceptances
select "group_people"."user_id", "users"."name", "terms_acceptances"."accepted_at" from "group_people" inner join "users" on "users"."id" = "group_people"."user_id" left join "terms_acceptances" on ("terms_acceptances"."user_id" = "group_people"."user_id" and "terms_acceptances"."version_id" = $1) where ("group_people"."group_id" = $2 and "group_people"."role" <> 'observer') order by "users"."name" asc, "group_people"."user_id" asc;

-- listChairEmails
select "users"."email", "users"."name", "users"."language" from "group_people" inner join "users" on "users"."id" = "group_people"."user_id" where ("group_people"."group_id" = $1 and "group_people"."role" = $2);

-- listVersions
select "id", "group_id", "number", "status", "document", "created_by", "created_at", "updated_at", "adopted_on", "adopted_by", "adoption_note", "decision_id", "review_notice_sent_at" from "terms_versions" where ("terms_versions"."group_id" = $1 and "terms_versions"."number" is not null) order by "terms_versions"."number" desc;

-- lockGroupTerms
select pg_advisory_xact_lock(7216003, hashtext($1));

-- markReviewNoticeSent
update "terms_versions" set "review_notice_sent_at" = now() where ("terms_versions"."id" = $1 and "terms_versions"."review_notice_sent_at" is null) returning "id";

-- nextNumber
select coalesce(max("number"), 0) + 1 from "terms_versions" where "terms_versions"."group_id" = $1;

-- supersede
update "terms_versions" set "status" = $1 where ("terms_versions"."group_id" = $2 and "terms_versions"."status" = $3);

-- updateDraft
update "terms_versions" set "document" = $1, "updated_at" = now() where ("terms_versions"."id" = $2 and "terms_versions"."status" = $3) returning "id", "group_id", "number", "status", "document", "created_by", "created_at", "updated_at", "adopted_on", "adopted_by", "adoption_note", "decision_id", "review_notice_sent_at";
