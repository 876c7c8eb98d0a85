import { sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';

/**
 * The CHECK that a column holds one of a list's values (src/contracts/domains.ts),
 * or null when `nullable`. The values are written into the constraint as literals.
 */
export function oneOf(
  column: AnyPgColumn,
  values: readonly string[],
  options: { nullable?: boolean } = {},
): SQL {
  const literals = sql.raw(values.map((v) => `'${v.replaceAll("'", "''")}'`).join(', '));
  return options.nullable
    ? sql`${column} is null or ${column} in (${literals})`
    : sql`${column} in (${literals})`;
}
