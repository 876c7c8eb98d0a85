-- accord_membership (0016) without its per-meeting steps table: each
-- person's attended meetings are kept as one ordered array, so the meeting
-- that made someone a member is read by its place in the array and its start
-- by the meeting's place in order, instead of joining every attended meeting
-- of every person back to the result. Only the absences that could lapse a
-- member are kept between steps. The rule is unchanged (0016 explains it); it
-- is held equal to membershipStatus in src/policy/membership.ts by
-- test/sql/membership-sql.test.ts and test/sql/membership-plan-cache.test.ts.
--
-- Measured on PostgreSQL for a 1,000-person group with 60 weekly meetings
-- (55,000 attendance rows, statistics current): see the commit message.
CREATE OR REPLACE FUNCTION accord_membership(
  p_group uuid, p_as_of timestamptz, p_member_after int, p_with_working_groups boolean,
  p_lapse_after int, p_apologies_absence boolean, p_user uuid)
RETURNS TABLE (user_id uuid, status text, meetings_counted int, became_member_on timestamptz, lapsed_on timestamptz)
LANGUAGE plpgsql STABLE
SET plan_cache_mode = force_custom_plan
SET jit = off
SET work_mem = '16MB'
SET enable_mergejoin = off
AS $fn$
BEGIN
  RETURN QUERY
  WITH RECURSIVE groups_counted AS (
    SELECT p_group AS id
    UNION ALL
    SELECT w.id FROM groups w WHERE p_with_working_groups AND w.parent_id = p_group
  ), counted AS MATERIALIZED (
    SELECT m.id, m.group_id, m.starts_at,
      row_number() OVER (ORDER BY m.starts_at, m.id)::int AS ord
    FROM meetings m
    WHERE m.group_id IN (SELECT g.id FROM groups_counted g)
      AND m.starts_at <= p_as_of
      AND m.status = 'scheduled'
  ), people AS MATERIALIZED (
    SELECT gp.user_id AS person
    FROM group_people gp
    WHERE gp.group_id = p_group AND (p_user IS NULL OR gp.user_id = p_user)
  ), marks AS MATERIALIZED (
    SELECT a.meeting_id, a.user_id, a.mark, a.intent
    FROM attendance a
    WHERE a.meeting_id IN (SELECT c.id FROM counted c)
      AND (p_user IS NULL OR a.user_id = p_user)
  ), joined AS MATERIALIZED (
    SELECT e.group_id, e.user_id AS person, e.joined_at
    FROM group_people e
    WHERE e.group_id IN (SELECT g.id FROM groups_counted g)
      AND (p_user IS NULL OR e.user_id = p_user)
  ), history AS (
    -- 1 attended, 2 an absence, 3 apologies that end a run of absences;
    -- a meeting that is neither (not yet in its group) is left out.
    SELECT p.person, c.ord,
      CASE
        WHEN a.mark IN ('present_in_person', 'present_online') THEN 1
        WHEN a.mark = 'absent' THEN 2
        WHEN a.mark = 'apologies' OR (a.mark IS NULL AND a.intent = 'apologies') THEN
          CASE WHEN p_lapse_after IS NOT NULL AND coalesce(p_apologies_absence, false) THEN 2 ELSE 3 END
        WHEN a.mark IS NULL AND e.person IS NOT NULL THEN 2
      END AS cls
    FROM people p
    CROSS JOIN counted c
    LEFT JOIN marks a ON a.meeting_id = c.id AND a.user_id = p.person
    LEFT JOIN joined e
      ON e.group_id = c.group_id AND e.person = p.person AND e.joined_at <= c.starts_at
    WHERE p_lapse_after IS NOT NULL
    UNION ALL
    -- With no lapse rule only attendance matters: no need to pair everyone with every meeting.
    SELECT a.user_id, c.ord, 1
    FROM marks a
    JOIN counted c ON c.id = a.meeting_id
    WHERE p_lapse_after IS NULL AND a.mark IN ('present_in_person', 'present_online')
  ), counts AS (
    SELECT h.person, h.ord, h.cls,
      count(*) FILTER (WHERE h.cls = 1) OVER w AS a_cum,
      count(*) FILTER (WHERE h.cls = 2) OVER w AS x_cum
    FROM history h
    WHERE h.cls IS NOT NULL
    WINDOW w AS (PARTITION BY h.person ORDER BY h.ord ROWS UNBOUNDED PRECEDING)
  ), attended AS (
    -- Each person's attended meetings in order: how many, and which was the k-th
    -- (straight from the marks, so that history is read once, by the windows).
    SELECT a.user_id AS person, array_agg(c.ord ORDER BY c.ord) AS ords
    FROM marks a
    JOIN counted c ON c.id = a.meeting_id
    WHERE a.mark IN ('present_in_person', 'present_online')
    GROUP BY a.user_id
  ), candidates AS MATERIALIZED (
    -- The absences that complete a run long enough to lapse a member, numbered per person.
    SELECT s.person, s.ord, s.a_cum, row_number() OVER (PARTITION BY s.person ORDER BY s.ord) AS k
    FROM (
      SELECT r.person, r.ord, r.cls, r.a_cum,
        r.x_cum - coalesce(max(CASE WHEN r.cls <> 2 THEN r.x_cum END) OVER w, 0) AS run
      FROM counts r
      WHERE p_lapse_after IS NOT NULL
      WINDOW w AS (PARTITION BY r.person ORDER BY r.ord ROWS UNBOUNDED PRECEDING)
    ) s
    WHERE s.cls = 2 AND s.run = greatest(p_lapse_after, 1)
  ), walk AS (
    -- base: attendance counted before the current spell; lapsed: where the last lapse was.
    SELECT c.person, c.k,
      CASE WHEN c.a_cum > p_member_after THEN c.a_cum ELSE 0 END AS base,
      CASE WHEN c.a_cum > p_member_after THEN c.ord END AS lapsed
    FROM candidates c WHERE c.k = 1
    UNION ALL
    SELECT c.person, c.k,
      CASE WHEN c.a_cum - w.base > p_member_after THEN c.a_cum ELSE w.base END,
      CASE WHEN c.a_cum - w.base > p_member_after THEN c.ord ELSE w.lapsed END
    FROM walk w JOIN candidates c ON c.person = w.person AND c.k = w.k + 1
  ), last_step AS (
    SELECT DISTINCT ON (w.person) w.person, w.base, w.lapsed
    FROM walk w ORDER BY w.person, w.k DESC
  ), starts AS (
    -- The counted meetings' start times, by their place in order.
    SELECT array_agg(c.starts_at ORDER BY c.ord) AS at FROM counted c
  ), result AS (
    SELECT p.person, coalesce(cardinality(a.ords), 0) AS n, coalesce(l.base, 0) AS base,
      l.lapsed, a.ords
    FROM people p
    LEFT JOIN attended a ON a.person = p.person
    LEFT JOIN last_step l ON l.person = p.person
  )
  SELECT r.person,
    CASE
      WHEN r.lapsed IS NOT NULL AND r.n = r.base THEN 'lapsed'
      WHEN r.n - r.base > p_member_after THEN 'member'
      ELSE 'participant'
    END,
    r.n::int,
    CASE WHEN r.n - r.base > p_member_after THEN st.at[r.ords[r.base + p_member_after + 1]] END,
    CASE WHEN r.lapsed IS NOT NULL AND r.n = r.base THEN st.at[r.lapsed] END
  FROM result r
  CROSS JOIN starts st;
END
$fn$;
