-- The SQL of src/server/modules/audit/audit.repository.ts, function by function, as
-- test/sql/queries.test.ts records it (npm run sql:update rewrites this file).

-- writeAudit
insert into "audit_log" ("id", "at", "actor_id", "group_id", "action", "subject_type", "subject_id", "detail") values (default, default, $1, $2, $3, $4, $5, $6);

-- writeAuditMany
insert into "audit_log" ("id", "at", "actor_id", "group_id", "action", "subject_type", "subject_id", "detail") values (default, default, $1, $2, $3, $4, $5, $6);
