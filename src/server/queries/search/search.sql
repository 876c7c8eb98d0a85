-- The SQL of src/server/modules/search/search.repository.ts, function by function, as
-- test/sql/queries.test.ts records it (npm run sql:update rewrites this file).

-- searchGroup
with hits as (
      select 'notes' as kind, n.id as row_id, m.id as id, 'Notes: ' || m.title as title,
             m.id as meeting_id, ts_rank(n.search_vector, websearch_to_tsquery('english', $1), 1) as rank
      from meeting_notes n join meetings m on m.id = n.meeting_id
      where m.group_id = $2 and n.search_vector @@ websearch_to_tsquery('english', $3) and ($4 or n.status <> 'draft')
        and not exists (
          select 1 from meeting_notes later
          where later.meeting_id = n.meeting_id and later.version > n.version and ($5 or later.status <> 'draft'))
      union all
      select 'decision', d.id, d.id, 'Decision ' || d.number || ': ' || d.title, d.meeting_id,
             ts_rank(d.search_vector, websearch_to_tsquery('english', $6), 1)
      from decisions d
      where d.group_id = $7 and d.search_vector @@ websearch_to_tsquery('english', $8)
      union all
      select 'learning', e.id, e.id, 'Learning: ' || left(e.what_happened, 80), null,
             ts_rank(e.search_vector, websearch_to_tsquery('english', $9), 1)
      from learning_entries e
      where e.group_id = $10 and e.search_vector @@ websearch_to_tsquery('english', $11)
      union all
      select 'suggestion', s.id, s.id, 'Suggestion: ' || left(s.text, 80), s.considered_at_meeting,
             ts_rank(s.search_vector, websearch_to_tsquery('english', $12), 1)
      from suggestions s
      where s.group_id = $13 and s.search_vector @@ websearch_to_tsquery('english', $14)
      union all
      select 'paper', p.id, p.id, 'Paper: ' || p.title, p.meeting_id, ts_rank(p.search_vector, websearch_to_tsquery('english', $15), 1)
      from papers p join meetings m on m.id = p.meeting_id
      where m.group_id = $16 and p.search_vector @@ websearch_to_tsquery('english', $17)
    ),
    best as (select * from hits order by rank desc, title, id limit 50)
    select b.kind, b.id, b.title, b.meeting_id, b.rank,
           ts_headline('english', translate(case b.kind
             when 'notes' then (
               select coalesce(n.content->>'summary', '') || ' ' || coalesce(
                 (select string_agg(x->>'discussion', ' ') from jsonb_array_elements(n.content->'items') x), '')
               from meeting_notes n where n.id = b.row_id)
             when 'decision' then (
               select d.title || ' ' || d.final_text || ' ' || d.summary from decisions d where d.id = b.row_id)
             when 'learning' then (
               select e.what_happened || ' ' || e.what_we_learned || ' ' || e.what_we_will_change || ' ' || array_to_string(e.tags, ' ')
               from learning_entries e where e.id = b.row_id)
             when 'suggestion' then (
               select s.text || ' ' || coalesce(s.outcome, '') from suggestions s where s.id = b.row_id)
             else (select p.title || ' ' || p.file_name from papers p where p.id = b.row_id)
           end, chr(2) || chr(3), ''), websearch_to_tsquery('english', $18),
        'MaxFragments=1, MaxWords=24, MinWords=6, StartSel=' || chr(2) || ', StopSel=' || chr(3)) as snippet
    from best b
    order by b.rank desc, b.title, b.id;
