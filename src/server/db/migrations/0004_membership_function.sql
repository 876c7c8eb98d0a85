-- Membership, for a whole group in one call: what membershipStatus in
-- src/policy/membership.ts computes, over the attendance in the database.
-- The policy module is the rule; this is the same walk, kept in PL/pgSQL so a
-- group's list of members is one planned query rather than a history per
-- person. test/membership-sql.test.ts checks the two agree on random histories.
--
-- A person's history: the meetings of the group, and of its working groups when
-- p_with_working_groups, that were not cancelled and started at or before
-- p_as_of, oldest first (ties by id). Their mark at each: the register's mark;
-- else 'apologies' if they sent them; else 'absent' if they were in the meeting's
-- group by its start; else 'none'.
--
-- p_lapse_after null: no lapse rule. p_user null: everyone in the group.
CREATE FUNCTION accord_membership(
  p_group uuid,
  p_as_of timestamptz,
  p_member_after int,
  p_with_working_groups boolean,
  p_lapse_after int,
  p_apologies_absence boolean,
  p_user uuid)
RETURNS TABLE (
  user_id uuid,
  status text,
  meetings_counted int,
  became_member_on timestamptz,
  lapsed_on timestamptz)
LANGUAGE plpgsql STABLE AS $fn$
DECLARE
  r record;
  v_state text;
  v_attended int;
  v_since_start int;
  v_absences int;
  v_member_on timestamptz;
  v_lapsed_on timestamptz;
  v_apologies_absent boolean := p_lapse_after IS NOT NULL AND coalesce(p_apologies_absence, false);
BEGIN
  -- One row per person and counted meeting (one row with no meeting for a
  -- person with none), each person's rows together and in meeting order.
  FOR r IN
    WITH people AS (
      SELECT gp.user_id AS person
      FROM group_people gp
      WHERE gp.group_id = p_group AND (p_user IS NULL OR gp.user_id = p_user)
    ), counted AS (
      SELECT m.id, m.group_id, m.starts_at
      FROM meetings m
      WHERE m.status = 'scheduled'
        AND m.starts_at <= p_as_of
        AND (m.group_id = p_group
             OR (p_with_working_groups
                 AND m.group_id IN (SELECT w.id FROM groups w WHERE w.parent_id = p_group)))
    )
    SELECT
      p.person,
      c.id AS meeting_id,
      c.starts_at,
      CASE
        WHEN a.mark IS NOT NULL THEN a.mark
        WHEN a.intent = 'apologies' THEN 'apologies'
        WHEN e.user_id IS NOT NULL THEN 'absent'
        ELSE 'none'
      END AS mark,
      lag(p.person) OVER w IS DISTINCT FROM p.person AS first_of_person,
      lead(p.person) OVER w IS DISTINCT FROM p.person AS last_of_person
    FROM people p
    LEFT JOIN counted c ON true
    LEFT JOIN attendance a ON a.meeting_id = c.id AND a.user_id = p.person
    LEFT JOIN group_people e
      ON e.group_id = c.group_id AND e.user_id = p.person AND e.joined_at <= c.starts_at
    WINDOW w AS (ORDER BY p.person, c.starts_at, c.id)
    ORDER BY p.person, c.starts_at, c.id
  LOOP
    IF r.first_of_person THEN
      v_state := 'participant';
      v_attended := 0;
      v_since_start := 0;
      v_absences := 0;
      v_member_on := NULL;
      v_lapsed_on := NULL;
    END IF;

    IF r.meeting_id IS NULL THEN
      NULL;
    ELSIF r.mark IN ('present_in_person', 'present_online') THEN
      v_attended := v_attended + 1;
      v_absences := 0;
      IF v_state = 'lapsed' THEN
        -- Back after lapsing: a participant again, counting afresh.
        v_state := 'participant';
        v_since_start := 0;
        v_lapsed_on := NULL;
      END IF;
      v_since_start := v_since_start + 1;
      IF v_state = 'participant' AND v_since_start > p_member_after THEN
        v_state := 'member';
        v_member_on := r.starts_at;
      END IF;
    ELSIF r.mark = 'absent' OR (r.mark = 'apologies' AND v_apologies_absent) THEN
      v_absences := v_absences + 1;
      IF v_state = 'member' AND p_lapse_after IS NOT NULL AND v_absences >= p_lapse_after THEN
        v_state := 'lapsed';
        v_lapsed_on := r.starts_at;
        v_member_on := NULL;
      END IF;
    ELSIF r.mark = 'apologies' THEN
      v_absences := 0;
    END IF;
    -- 'none' (not in the meeting's group yet) neither counts nor ends a run.

    IF r.last_of_person THEN
      user_id := r.person;
      status := v_state;
      meetings_counted := v_attended;
      became_member_on := CASE WHEN v_state = 'member' THEN v_member_on END;
      lapsed_on := CASE WHEN v_state = 'lapsed' THEN v_lapsed_on END;
      RETURN NEXT;
    END IF;
  END LOOP;
END
$fn$;
