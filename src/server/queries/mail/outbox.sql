-- The SQL of src/server/modules/mail/outbox.repository.ts, function by function, as
-- test/sql/queries.test.ts records it (npm run sql:update rewrites this file).

-- claimDue
update "outbox" set locked_until = now() + interval '2 minutes'
    where "outbox"."id" in (
      select id from "outbox"
      where status = 'pending' and next_attempt_at <= now()
        and (locked_until is null or locked_until < now())
      order by created_at
      limit $1
      for update skip locked
    )
    returning id;

-- enqueue
insert into "outbox" ("id", "to_address", "subject", "body_text", "deliverable_text", "status", "attempts", "next_attempt_at", "locked_until", "last_error", "created_at", "sent_at") values (default, $1, $2, $3, $4, default, default, default, default, default, default, default);

-- enqueueMany
insert into "outbox" ("id", "to_address", "subject", "body_text", "deliverable_text", "status", "attempts", "next_attempt_at", "locked_until", "last_error", "created_at", "sent_at") values (default, $1, $2, $3, $4, default, default, default, default, default, default, default);

-- listRecent
select "id", "to_address", "subject", "body_text", "deliverable_text", "status", "attempts", "next_attempt_at", "locked_until", "last_error", "created_at", "sent_at" from "outbox" order by "outbox"."created_at" desc limit $1;

-- markDelivered
update "outbox" set "deliverable_text" = $1, "status" = $2, "attempts" = "outbox"."attempts" + 1, "locked_until" = $3, "sent_at" = now() where "outbox"."id" = $4;

-- markDeliveredMany
update "outbox" set "deliverable_text" = $1, "status" = $2, "attempts" = "outbox"."attempts" + 1, "locked_until" = $3, "sent_at" = now() where "outbox"."id" in ($4);

-- markFailed
update "outbox" set "status" = $1, "attempts" = "outbox"."attempts" + 1, "next_attempt_at" = now() + make_interval(secs => $2), "locked_until" = $3, "last_error" = $4 where "outbox"."id" = $5;
