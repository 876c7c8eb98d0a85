/**
 * The API: every module's routes, in the order the app registers them, and
 * their operations in one table by operationId. The table's type keeps each
 * operation's schemas, so code outside the server (the tests) can call an
 * operation by its id with a typed input and read a typed answer, from the
 * same rows the server registers.
 */
import type { FastifyInstance } from 'fastify';
import type { Deps } from './deps.ts';
import type { Table } from './endpoints.ts';
import { accountRoutes } from './modules/accounts/accounts.routes.ts';
import { calendarRoutes } from './modules/calendar/calendar.routes.ts';
import { decisionRoutes } from './modules/decisions/decisions.routes.ts';
import { eventRoutes } from './modules/events/events.routes.ts';
import { groupRoutes } from './modules/groups/groups.routes.ts';
import { joinRequestRoutes } from './modules/groups/join-requests.routes.ts';
import { healthRoutes } from './modules/health/health.routes.ts';
import { mailRoutes } from './modules/mail/mail.routes.ts';
import { meetingRoutes } from './modules/meetings/meetings.routes.ts';
import { membershipRoutes } from './modules/membership/membership.routes.ts';
import { notesRoutes } from './modules/notes/notes.routes.ts';
import { releaseRoutes } from './modules/releases/releases.routes.ts';
import { termsRoutes } from './modules/terms/terms.routes.ts';
import { workingGroupRoutes } from './modules/working-groups/working-groups.routes.ts';

/** The modules' routes, in registration order (the live-update stream is plain Fastify). */
export const modules = [
  healthRoutes,
  accountRoutes,
  groupRoutes,
  joinRequestRoutes,
  mailRoutes,
  termsRoutes,
  meetingRoutes,
  membershipRoutes,
  workingGroupRoutes,
  calendarRoutes,
  eventRoutes,
  decisionRoutes,
  notesRoutes,
  releaseRoutes,
] as const satisfies readonly ((app: FastifyInstance, deps: Deps) => void)[];

type TableOf<M> = M extends { table: infer T extends Table } ? T : never;
type Intersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void
  ? I
  : never;

/** Every operation of the API, by operationId, with its own types. */
export type Operations = Intersection<TableOf<(typeof modules)[number]>>;

/** An operation's id. */
export type OperationId = keyof Operations & string;

/** The operations of every module in one table; an operationId names one operation only. */
export const operations = mergeTables(
  modules.flatMap((module) => ('table' in module ? [module.table] : [])),
) as Operations;

function mergeTables(tables: readonly Table[]): Table {
  const merged: Record<string, Table[string]> = {};
  for (const table of tables) {
    for (const [operationId, declared] of Object.entries(table)) {
      if (operationId in merged) throw new Error(`operationId ${operationId} is declared twice`);
      merged[operationId] = declared;
    }
  }
  return merged;
}
