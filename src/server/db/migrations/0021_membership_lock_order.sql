-- The membership counters of 0020 are row locks held until commit. Taken in
-- the order of group ids, a transaction that changed a steering group and then
-- one of its working groups (locking the steering group's counter, then the
-- working group's) could deadlock with one that changed both at once (locking
-- the working group's first when its id sorts first). A working group's change
-- always raises its steering group's counter too, so taking each steering
-- group's counter before its working groups' makes that order the same in
-- every transaction: the second waits for the first without holding anything
-- the first needs. test/sql/membership-cache.test.ts holds it on PostgreSQL.
CREATE OR REPLACE FUNCTION accord_membership_changed(p_groups uuid[]) RETURNS void
LANGUAGE sql VOLATILE AS $fn$
  INSERT INTO membership_versions AS v (group_id, version)
  SELECT s.g, 1 FROM (
    SELECT DISTINCT x.g, coalesce(gr.parent_id, x.g) AS root, gr.parent_id IS NOT NULL AS child
    FROM (
      SELECT unnest(p_groups) AS g
      UNION
      SELECT p.parent_id FROM groups p WHERE p.id = ANY (p_groups)
    ) x
    LEFT JOIN groups gr ON gr.id = x.g
    WHERE x.g IS NOT NULL
    ORDER BY root, child, x.g
  ) s
  ON CONFLICT (group_id) DO UPDATE SET version = v.version + 1;
$fn$;
