import { sql, type SQL } from 'drizzle-orm';
import { customType } from 'drizzle-orm/pg-core';

/**
 * Search: each searchable row keeps its own `search_vector`, a stored generated
 * column with a GIN index, so that PostgreSQL keeps it current on every insert
 * and update (on both engines) and a search reads the index instead of parsing
 * every row's text. Generated columns need immutable expressions: each uses
 * only built-in immutable functions with the `english` configuration named,
 * never the session's default.
 *
 * Weights rank a match in a title or a summary above one in the body: A for
 * titles, B for a notes' summary and a learning entry's tags, D for the rest.
 */
export const tsvector = customType<{ data: string; driverData: string }>({
  dataType: () => 'tsvector',
});

/** The english text-search vector of an expression, with a weight. */
export function weighted(text: SQL, weight: 'A' | 'B' | 'C' | 'D'): SQL {
  return sql`setweight(to_tsvector('english'::regconfig, ${text}), '${sql.raw(weight)}')`;
}
