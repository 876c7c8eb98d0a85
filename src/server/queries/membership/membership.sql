-- The SQL of src/server/modules/membership/membership.repository.ts, function by function, as
-- test/sql/queries.test.ts records it (npm run sql:update rewrites this file).

-- listMembershipStatuses
select user_id, status, meetings_counted, became_member_on, lapsed_on
        from accord_membership_cached(
          $1::uuid,
          $2::timestamptz,
          $3::int,
          $4::boolean,
          $5::int,
          $6::boolean,
          $7::uuid)
        order by user_id;

-- personHistory
select m.id, m.group_id, m.group_id = $1::uuid as own, m.starts_at,
          case
            when a.mark is not null then a.mark
            when a.intent = 'apologies' then 'apologies'
            when e.user_id is not null then 'absent'
            else 'none'
          end as mark,
          a.mark is null as inferred,
          m.ends_at > $2::timestamptz as running
        from meetings m
        left join attendance a on a.meeting_id = m.id and a.user_id = $3::uuid
        left join group_people e
          on e.group_id = m.group_id and e.user_id = $4::uuid and e.joined_at <= m.starts_at
        where m.status = 'scheduled'
          and m.starts_at <= $5::timestamptz
          and (m.group_id = $6::uuid
               or ($7::boolean
                   and m.group_id in (select w.id from groups w where w.parent_id = $8::uuid)))
        order by m.starts_at, m.id;

-- setCategories
update "group_people" set "categories" = $1 where ("group_people"."group_id" = $2 and "group_people"."user_id" = $3);
