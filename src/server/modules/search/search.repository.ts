import { sql } from 'drizzle-orm';
import { rowsOf, type Executor } from '../../deps.ts';

export type SearchRow = {
  kind: 'notes' | 'decision' | 'learning' | 'suggestion' | 'paper';
  id: string;
  title: string;
  /** The best passage, its matched words between HIT_START and HIT_END. */
  snippet: string;
  meeting_id: string | null;
  rank: number;
};

/**
 * The characters ts_headline puts around each matched word. They are taken out
 * of the text first, so every one in a snippet is a marker (see highlights.ts).
 */
export const HIT_START = '\u0002';
export const HIT_END = '\u0003';

/**
 * PostgreSQL full-text search over one group's notes, decisions, learning,
 * suggestions and papers, best matches first. Each kind is matched through its
 * stored `search_vector` and GIN index; only the 50 results returned get a
 * headline, the costly part. Draft notes only for those who write them: of a
 * meeting's notes, the latest version the searcher may read is searched.
 */
export async function searchGroup(
  db: Executor,
  groupId: string,
  query: string,
  includeDraftNotes: boolean,
): Promise<SearchRow[]> {
  // A constant tsquery in each condition (not a joined CTE), so the planner
  // estimates each match from the index's statistics.
  const q = sql`websearch_to_tsquery('english', ${query})`;
  const rank = (vector: ReturnType<typeof sql>) => sql`ts_rank(${vector}, ${q}, 1)`;
  const readable = (n: ReturnType<typeof sql>) =>
    sql`(${includeDraftNotes} or ${n}.status <> 'draft')`;
  const headline = (doc: ReturnType<typeof sql>) =>
    sql`ts_headline('english', translate(${doc}, chr(2) || chr(3), ''), ${q},
        'MaxFragments=1, MaxWords=24, MinWords=6, StartSel=' || chr(2) || ', StopSel=' || chr(3))`;
  return rowsOf<SearchRow>(
    db,
    sql`
    with hits as (
      select 'notes' as kind, n.id as row_id, m.id as id, 'Notes: ' || m.title as title,
             m.id as meeting_id, ${rank(sql`n.search_vector`)} as rank
      from meeting_notes n join meetings m on m.id = n.meeting_id
      where m.group_id = ${groupId} and n.search_vector @@ ${q} and ${readable(sql`n`)}
        and not exists (
          select 1 from meeting_notes later
          where later.meeting_id = n.meeting_id and later.version > n.version and ${readable(sql`later`)})
      union all
      select 'decision', d.id, d.id, 'Decision ' || d.number || ': ' || d.title, d.meeting_id,
             ${rank(sql`d.search_vector`)}
      from decisions d
      where d.group_id = ${groupId} and d.search_vector @@ ${q}
      union all
      select 'learning', e.id, e.id, 'Learning: ' || left(e.what_happened, 80), null,
             ${rank(sql`e.search_vector`)}
      from learning_entries e
      where e.group_id = ${groupId} and e.search_vector @@ ${q}
      union all
      select 'suggestion', s.id, s.id, 'Suggestion: ' || left(s.text, 80), s.considered_at_meeting,
             ${rank(sql`s.search_vector`)}
      from suggestions s
      where s.group_id = ${groupId} and s.search_vector @@ ${q}
      union all
      select 'paper', p.id, p.id, 'Paper: ' || p.title, p.meeting_id, ${rank(sql`p.search_vector`)}
      from papers p join meetings m on m.id = p.meeting_id
      where m.group_id = ${groupId} and p.search_vector @@ ${q}
    ),
    best as (select * from hits order by rank desc, title, id limit 50)
    select b.kind, b.id, b.title, b.meeting_id, b.rank,
           ${headline(sql`case b.kind
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
           end`)} as snippet
    from best b
    order by b.rank desc, b.title, b.id`,
  );
}
