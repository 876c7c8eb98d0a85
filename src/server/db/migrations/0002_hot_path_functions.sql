-- The two queries every group request runs, as PL/pgSQL functions: PL/pgSQL
-- keeps their plans, where a plain statement is planned afresh each time. On
-- the embedded database planning was most of a request's cost (see
-- docs/decisions/0002-hot-path-functions.md).

-- Who holds a session: the user, if the session exists and has not expired.
CREATE FUNCTION accord_session_actor(p_id_hash text)
RETURNS TABLE (id uuid, is_admin boolean)
LANGUAGE plpgsql STABLE AS $fn$
BEGIN
  RETURN QUERY
    SELECT u.id, u.is_admin
    FROM sessions s JOIN users u ON u.id = s.user_id
    WHERE s.id_hash = p_id_hash AND s.expires_at > now();
END
$fn$;
--> statement-breakpoint

-- A group as its home page and its access check need it: the group row, its
-- parent's name, the caller's role, how many people it has, its working groups.
CREATE FUNCTION accord_group_for(p_group uuid, p_user uuid)
RETURNS json
LANGUAGE plpgsql STABLE AS $fn$
DECLARE
  result json;
BEGIN
  SELECT json_build_object(
    'group', row_to_json(g),
    'parentName', p.name,
    'role', gp.role,
    'peopleCount', (SELECT count(*) FROM group_people x WHERE x.group_id = g.id),
    'workingGroups', coalesce((
      SELECT json_agg(json_build_object('id', w.id, 'name', w.name, 'purpose', w.purpose)
                      ORDER BY w.name, w.id)
      FROM groups w WHERE w.parent_id = g.id), '[]'::json))
  INTO result
  FROM groups g
  LEFT JOIN groups p ON p.id = g.parent_id
  LEFT JOIN group_people gp ON gp.group_id = g.id AND gp.user_id = p_user
  WHERE g.id = p_group;
  RETURN result;
END
$fn$;
