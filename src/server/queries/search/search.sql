-- The SQL of src/server/modules/search/search.repository.ts, function by function, as
-- test/sql/queries.test.ts records it (npm run sql:update rewrites this file).

-- searchGroup
with q as (select websearch_to_tsquery('english', $1) as q),
    latest_notes as (
      select distinct on (n.meeting_id) n.*, m.title as meeting_title, m.id as mid
      from meeting_notes n join meetings m on m.id = n.meeting_id
      where m.group_id = $2 and ($3 or n.status <> 'draft')
      order by n.meeting_id, n.version desc
    ),
    hits as (
      select 'notes' as kind, n.mid as id, 'Notes: ' || n.meeting_title as title,
             ts_headline('english', coalesce(n.content->>'summary', '') || ' ' || coalesce((select string_agg(x->>'discussion', ' ') from jsonb_array_elements(n.content->'items') x), ''), q.q, 'MaxFragments=1, MaxWords=24, MinWords=6, StartSel="", StopSel=""') as snippet, n.mid as meeting_id,
             ts_rank(to_tsvector('english', coalesce(n.content->>'summary', '') || ' ' || coalesce((select string_agg(x->>'discussion', ' ') from jsonb_array_elements(n.content->'items') x), '')), q.q) as rank
      from latest_notes n, q where to_tsvector('english', coalesce(n.content->>'summary', '') || ' ' || coalesce((select string_agg(x->>'discussion', ' ') from jsonb_array_elements(n.content->'items') x), '')) @@ q.q
      union all
      select 'decision', d.id, 'Decision ' || d.number || ': ' || d.title,
             ts_headline('english', d.title || ' ' || d.final_text || ' ' || d.summary, q.q, 'MaxFragments=1, MaxWords=24, MinWords=6, StartSel="", StopSel=""'), d.meeting_id,
             ts_rank(to_tsvector('english', d.title || ' ' || d.final_text || ' ' || d.summary), q.q)
      from decisions d, q
      where d.group_id = $4
        and to_tsvector('english', d.title || ' ' || d.final_text || ' ' || d.summary) @@ q.q
      union all
      select 'learning', e.id, 'Learning: ' || left(e.what_happened, 80),
             ts_headline('english', e.what_happened || ' ' || e.what_we_learned || ' ' || e.what_we_will_change, q.q, 'MaxFragments=1, MaxWords=24, MinWords=6, StartSel="", StopSel=""'), null,
             ts_rank(to_tsvector('english', e.what_happened || ' ' || e.what_we_learned || ' ' || e.what_we_will_change || ' ' || array_to_string(e.tags, ' ')), q.q)
      from learning_entries e, q
      where e.group_id = $5
        and to_tsvector('english', e.what_happened || ' ' || e.what_we_learned || ' ' || e.what_we_will_change || ' ' || array_to_string(e.tags, ' ')) @@ q.q
      union all
      select 'suggestion', s.id, 'Suggestion: ' || left(s.text, 80),
             ts_headline('english', s.text || ' ' || coalesce(s.outcome, ''), q.q, 'MaxFragments=1, MaxWords=24, MinWords=6, StartSel="", StopSel=""'), s.considered_at_meeting,
             ts_rank(to_tsvector('english', s.text || ' ' || coalesce(s.outcome, '')), q.q)
      from suggestions s, q
      where s.group_id = $6
        and to_tsvector('english', s.text || ' ' || coalesce(s.outcome, '')) @@ q.q
      union all
      select 'paper', p.id, 'Paper: ' || p.title, p.file_name, p.meeting_id,
             ts_rank(to_tsvector('english', p.title || ' ' || p.file_name), q.q)
      from papers p join meetings m on m.id = p.meeting_id, q
      where m.group_id = $7 and to_tsvector('english', p.title || ' ' || p.file_name) @@ q.q
    )
    select * from hits order by rank desc, title limit 50;
