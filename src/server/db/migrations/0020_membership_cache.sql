-- A maintained membership table: accord_membership (0018) is worked out once
-- for a group and its rule and kept, so that reading a group's membership is
-- one row read, whatever the group's size or rule. Nothing in it is new data:
-- it is derived, left out of backups, and correct by construction.
--
-- * membership_versions holds a counter per group. Statement triggers on
--   attendance, meetings, group_people and groups raise it, in the same
--   transaction as the change, for the group changed and for its parent (whose
--   membership may count its working groups' meetings). Only changes that can
--   alter someone's membership raise it: a mark or an answer, a meeting's
--   start, status or group, a person's joining date, a working group's parent.
-- * membership_cache keeps, per group and rule, everyone's status as arrays,
--   the counter it was worked out at, and the span of dates it holds for: from
--   the last counted meeting's start up to the next meeting's start, since
--   between two starts the set of counted meetings does not change.
-- * accord_membership_cached reads the counter first, then the kept row; a row
--   at another counter or outside its span is ignored and worked out afresh.
--   Reading the counter before working anything out is what makes this safe
--   with concurrent writers: a change committed after the counter was read has
--   raised it, so what was worked out without that change is kept under the
--   old counter and never read as current.
-- * Writing the kept row never waits: it is written only by the transaction
--   that gets a transaction-scoped advisory lock on the group and rule without
--   waiting, and never over a row worked out at a later counter.
CREATE TABLE membership_versions (
  group_id uuid PRIMARY KEY,
  version bigint NOT NULL
);--> statement-breakpoint
CREATE TABLE membership_cache (
  group_id uuid NOT NULL REFERENCES groups (id) ON DELETE CASCADE,
  rule text NOT NULL,
  version bigint NOT NULL,
  valid_from timestamptz NOT NULL,
  valid_until timestamptz NOT NULL,
  user_ids uuid[] NOT NULL,
  statuses text[] NOT NULL,
  counted int[] NOT NULL,
  became timestamptz[] NOT NULL,
  lapsed timestamptz[] NOT NULL,
  PRIMARY KEY (group_id, rule)
);--> statement-breakpoint
CREATE FUNCTION accord_membership_changed(p_groups uuid[]) RETURNS void
LANGUAGE sql VOLATILE AS $fn$
  INSERT INTO membership_versions AS v (group_id, version)
  SELECT s.g, 1 FROM (
    SELECT DISTINCT x.g FROM (
      SELECT unnest(p_groups) AS g
      UNION
      SELECT gr.parent_id FROM groups gr WHERE gr.id = ANY (p_groups)
    ) x
    WHERE x.g IS NOT NULL
    ORDER BY x.g
  ) s
  ON CONFLICT (group_id) DO UPDATE SET version = v.version + 1;
$fn$;--> statement-breakpoint
CREATE FUNCTION accord_attendance_changed() RETURNS trigger
LANGUAGE plpgsql AS $fn$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM accord_membership_changed(ARRAY(
      SELECT DISTINCT m.group_id FROM new_rows n JOIN meetings m ON m.id = n.meeting_id));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM accord_membership_changed(ARRAY(
      SELECT DISTINCT m.group_id FROM old_rows o JOIN meetings m ON m.id = o.meeting_id));
  ELSE
    PERFORM accord_membership_changed(ARRAY(
      SELECT DISTINCT m.group_id
      FROM new_rows n
      JOIN old_rows o ON o.meeting_id = n.meeting_id AND o.user_id = n.user_id
      JOIN meetings m ON m.id = n.meeting_id
      WHERE n.mark IS DISTINCT FROM o.mark OR n.intent IS DISTINCT FROM o.intent
      UNION
      -- a row moved to another meeting or person: both sides change
      SELECT m.group_id FROM new_rows n JOIN meetings m ON m.id = n.meeting_id
      WHERE NOT EXISTS (SELECT 1 FROM old_rows o WHERE o.meeting_id = n.meeting_id AND o.user_id = n.user_id)
      UNION
      SELECT m.group_id FROM old_rows o JOIN meetings m ON m.id = o.meeting_id
      WHERE NOT EXISTS (SELECT 1 FROM new_rows n WHERE n.meeting_id = o.meeting_id AND n.user_id = o.user_id)));
  END IF;
  RETURN NULL;
END
$fn$;--> statement-breakpoint
CREATE TRIGGER attendance_membership_insert AFTER INSERT ON attendance
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION accord_attendance_changed();--> statement-breakpoint
CREATE TRIGGER attendance_membership_update AFTER UPDATE ON attendance
  REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION accord_attendance_changed();--> statement-breakpoint
CREATE TRIGGER attendance_membership_delete AFTER DELETE ON attendance
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION accord_attendance_changed();--> statement-breakpoint
CREATE FUNCTION accord_meetings_changed() RETURNS trigger
LANGUAGE plpgsql AS $fn$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM accord_membership_changed(ARRAY(SELECT DISTINCT n.group_id FROM new_rows n));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM accord_membership_changed(ARRAY(SELECT DISTINCT o.group_id FROM old_rows o));
  ELSE
    PERFORM accord_membership_changed(ARRAY(
      SELECT g FROM new_rows n JOIN old_rows o ON o.id = n.id,
        LATERAL (VALUES (n.group_id), (o.group_id)) AS both_sides (g)
      WHERE n.status IS DISTINCT FROM o.status
         OR n.starts_at IS DISTINCT FROM o.starts_at
         OR n.group_id IS DISTINCT FROM o.group_id));
  END IF;
  RETURN NULL;
END
$fn$;--> statement-breakpoint
CREATE TRIGGER meetings_membership_insert AFTER INSERT ON meetings
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION accord_meetings_changed();--> statement-breakpoint
CREATE TRIGGER meetings_membership_update AFTER UPDATE ON meetings
  REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION accord_meetings_changed();--> statement-breakpoint
CREATE TRIGGER meetings_membership_delete AFTER DELETE ON meetings
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION accord_meetings_changed();--> statement-breakpoint
CREATE FUNCTION accord_group_people_changed() RETURNS trigger
LANGUAGE plpgsql AS $fn$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM accord_membership_changed(ARRAY(SELECT DISTINCT n.group_id FROM new_rows n));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM accord_membership_changed(ARRAY(SELECT DISTINCT o.group_id FROM old_rows o));
  ELSE
    PERFORM accord_membership_changed(ARRAY(
      SELECT n.group_id FROM new_rows n JOIN old_rows o ON o.group_id = n.group_id AND o.user_id = n.user_id
      WHERE n.joined_at IS DISTINCT FROM o.joined_at
      UNION
      SELECT n.group_id FROM new_rows n
      WHERE NOT EXISTS (SELECT 1 FROM old_rows o WHERE o.group_id = n.group_id AND o.user_id = n.user_id)
      UNION
      SELECT o.group_id FROM old_rows o
      WHERE NOT EXISTS (SELECT 1 FROM new_rows n WHERE n.group_id = o.group_id AND n.user_id = o.user_id)));
  END IF;
  RETURN NULL;
END
$fn$;--> statement-breakpoint
CREATE TRIGGER group_people_membership_insert AFTER INSERT ON group_people
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION accord_group_people_changed();--> statement-breakpoint
CREATE TRIGGER group_people_membership_update AFTER UPDATE ON group_people
  REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION accord_group_people_changed();--> statement-breakpoint
CREATE TRIGGER group_people_membership_delete AFTER DELETE ON group_people
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION accord_group_people_changed();--> statement-breakpoint
CREATE FUNCTION accord_groups_changed() RETURNS trigger
LANGUAGE plpgsql AS $fn$
BEGIN
  -- A working group moved: both parents count different meetings now.
  PERFORM accord_membership_changed(ARRAY(
    SELECT g FROM new_rows n JOIN old_rows o ON o.id = n.id,
      LATERAL (VALUES (n.parent_id), (o.parent_id)) AS both_sides (g)
    WHERE n.parent_id IS DISTINCT FROM o.parent_id AND g IS NOT NULL));
  RETURN NULL;
END
$fn$;--> statement-breakpoint
CREATE TRIGGER groups_membership_update AFTER UPDATE ON groups
  REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION accord_groups_changed();--> statement-breakpoint
CREATE FUNCTION accord_membership_cached(
  p_group uuid, p_as_of timestamptz, p_member_after int, p_with_working_groups boolean,
  p_lapse_after int, p_apologies_absence boolean, p_user uuid)
RETURNS TABLE (user_id uuid, status text, meetings_counted int, became_member_on timestamptz, lapsed_on timestamptz)
LANGUAGE plpgsql VOLATILE AS $fn$
DECLARE
  v_rule text := concat_ws('|', p_member_after, p_with_working_groups,
    coalesce(p_lapse_after::text, '-'), coalesce(p_apologies_absence, false));
  v_version bigint;
  v_from timestamptz;
  v_until timestamptz;
  v_kept membership_cache%ROWTYPE;
BEGIN
  -- First the counter, then everything else (see the top of this file).
  SELECT coalesce((SELECT v.version FROM membership_versions v WHERE v.group_id = p_group), 0)
  INTO v_version;

  SELECT * INTO v_kept FROM membership_cache c
  WHERE c.group_id = p_group AND c.rule = v_rule AND c.version = v_version
    AND c.valid_from <= p_as_of AND p_as_of < c.valid_until;
  IF FOUND THEN
    RETURN QUERY
      SELECT u.user_id, u.status, u.counted, u.became, u.lapsed
      FROM unnest(v_kept.user_ids, v_kept.statuses, v_kept.counted, v_kept.became, v_kept.lapsed)
        AS u (user_id, status, counted, became, lapsed)
      WHERE p_user IS NULL OR u.user_id = p_user;
    RETURN;
  END IF;

  -- One person's status is quick to work out and is not kept.
  IF p_user IS NOT NULL THEN
    RETURN QUERY SELECT * FROM accord_membership(p_group, p_as_of, p_member_after,
      p_with_working_groups, p_lapse_after, p_apologies_absence, p_user);
    RETURN;
  END IF;

  SELECT coalesce(max(m.starts_at) FILTER (WHERE m.starts_at <= p_as_of), '-infinity'),
         coalesce(min(m.starts_at) FILTER (WHERE m.starts_at > p_as_of), 'infinity')
  INTO v_from, v_until
  FROM meetings m
  WHERE m.status = 'scheduled'
    AND (m.group_id = p_group
         OR (p_with_working_groups AND m.group_id IN (SELECT w.id FROM groups w WHERE w.parent_id = p_group)));

  v_kept.group_id := p_group;
  v_kept.rule := v_rule;
  v_kept.version := v_version;
  v_kept.valid_from := v_from;
  v_kept.valid_until := v_until;
  SELECT coalesce(array_agg(r.user_id ORDER BY r.user_id), '{}'),
         coalesce(array_agg(r.status ORDER BY r.user_id), '{}'),
         coalesce(array_agg(r.meetings_counted ORDER BY r.user_id), '{}'),
         coalesce(array_agg(r.became_member_on ORDER BY r.user_id), '{}'),
         coalesce(array_agg(r.lapsed_on ORDER BY r.user_id), '{}')
  INTO v_kept.user_ids, v_kept.statuses, v_kept.counted, v_kept.became, v_kept.lapsed
  FROM accord_membership(p_group, p_as_of, p_member_after, p_with_working_groups,
    p_lapse_after, p_apologies_absence, NULL) r;

  IF pg_try_advisory_xact_lock(hashtext('accord_membership_cache'), hashtext(p_group::text || v_rule)) THEN
    INSERT INTO membership_cache AS c VALUES (v_kept.*)
    ON CONFLICT (group_id, rule) DO UPDATE
      SET version = excluded.version, valid_from = excluded.valid_from,
          valid_until = excluded.valid_until, user_ids = excluded.user_ids,
          statuses = excluded.statuses, counted = excluded.counted,
          became = excluded.became, lapsed = excluded.lapsed
      WHERE c.version <= excluded.version;
  END IF;

  RETURN QUERY
    SELECT u.user_id, u.status, u.counted, u.became, u.lapsed
    FROM unnest(v_kept.user_ids, v_kept.statuses, v_kept.counted, v_kept.became, v_kept.lapsed)
      AS u (user_id, status, counted, became, lapsed);
END
$fn$;
