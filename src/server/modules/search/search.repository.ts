import { sql } from 'drizzle-orm';
import { rowsOf, type Executor } from '../../deps.ts';

export type SearchRow = {
  kind: 'notes' | 'decision' | 'learning' | 'suggestion' | 'paper';
  id: string;
  title: string;
  snippet: string;
  meeting_id: string | null;
  rank: number;
};

/**
 * PostgreSQL full-text search over one group's notes, decisions, learning,
 * suggestions and papers. Draft notes only for those who write them.
 */
export async function searchGroup(
  db: Executor,
  groupId: string,
  query: string,
  includeDraftNotes: boolean,
): Promise<SearchRow[]> {
  const headline = (doc: ReturnType<typeof sql>) =>
    sql`ts_headline('english', ${doc}, q.q, 'MaxFragments=1, MaxWords=24, MinWords=6, StartSel="", StopSel=""')`;
  const notesText = sql`coalesce(n.content->>'summary', '') || ' ' || coalesce((select string_agg(x->>'discussion', ' ') from jsonb_array_elements(n.content->'items') x), '')`;
  return rowsOf<SearchRow>(
    db,
    sql`
    with q as (select websearch_to_tsquery('english', ${query}) as q),
    latest_notes as (
      select distinct on (n.meeting_id) n.*, m.title as meeting_title, m.id as mid
      from meeting_notes n join meetings m on m.id = n.meeting_id
      where m.group_id = ${groupId} and (${includeDraftNotes} or n.status <> 'draft')
      order by n.meeting_id, n.version desc
    ),
    hits as (
      select 'notes' as kind, n.mid as id, 'Notes: ' || n.meeting_title as title,
             ${headline(notesText)} as snippet, n.mid as meeting_id,
             ts_rank(to_tsvector('english', ${notesText}), q.q) as rank
      from latest_notes n, q where to_tsvector('english', ${notesText}) @@ q.q
      union all
      select 'decision', d.id, 'Decision ' || d.number || ': ' || d.title,
             ${headline(sql`d.title || ' ' || d.final_text || ' ' || d.summary`)}, d.meeting_id,
             ts_rank(to_tsvector('english', d.title || ' ' || d.final_text || ' ' || d.summary), q.q)
      from decisions d, q
      where d.group_id = ${groupId}
        and to_tsvector('english', d.title || ' ' || d.final_text || ' ' || d.summary) @@ q.q
      union all
      select 'learning', e.id, 'Learning: ' || left(e.what_happened, 80),
             ${headline(sql`e.what_happened || ' ' || e.what_we_learned || ' ' || e.what_we_will_change`)}, null,
             ts_rank(to_tsvector('english', e.what_happened || ' ' || e.what_we_learned || ' ' || e.what_we_will_change || ' ' || array_to_string(e.tags, ' ')), q.q)
      from learning_entries e, q
      where e.group_id = ${groupId}
        and to_tsvector('english', e.what_happened || ' ' || e.what_we_learned || ' ' || e.what_we_will_change || ' ' || array_to_string(e.tags, ' ')) @@ q.q
      union all
      select 'suggestion', s.id, 'Suggestion: ' || left(s.text, 80),
             ${headline(sql`s.text || ' ' || coalesce(s.outcome, '')`)}, s.considered_at_meeting,
             ts_rank(to_tsvector('english', s.text || ' ' || coalesce(s.outcome, '')), q.q)
      from suggestions s, q
      where s.group_id = ${groupId}
        and to_tsvector('english', s.text || ' ' || coalesce(s.outcome, '')) @@ q.q
      union all
      select 'paper', p.id, 'Paper: ' || p.title, p.file_name, p.meeting_id,
             ts_rank(to_tsvector('english', p.title || ' ' || p.file_name), q.q)
      from papers p join meetings m on m.id = p.meeting_id, q
      where m.group_id = ${groupId} and to_tsvector('english', p.title || ' ' || p.file_name) @@ q.q
    )
    select * from hits order by rank desc, title limit 50`,
  );
}
