import type { Deps } from '../../deps.ts';

export type DatabaseState = 'ok' | 'unreachable';

/** How long a probe may take before the database counts as away. */
const PROBE_TIMEOUT_MS = 2000;
/** Probes started within this long of each other share one answer (many balancers may ask). */
const PROBE_REUSE_MS = 500;

const recent = new WeakMap<Deps['database'], { at: number; state: Promise<DatabaseState> }>();

async function probe(database: Deps['database']): Promise<DatabaseState> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<DatabaseState>((resolve) => {
    timer = setTimeout(() => resolve('unreachable'), PROBE_TIMEOUT_MS);
  });
  const answer = database.query('select 1').then(
    (): DatabaseState => 'ok',
    (): DatabaseState => 'unreachable',
  );
  try {
    return await Promise.race([answer, late]);
  } finally {
    clearTimeout(timer);
  }
}

/** Whether the database answers `select 1` within two seconds. Never throws. */
export function probeDatabase(deps: Pick<Deps, 'database'>): Promise<DatabaseState> {
  const last = recent.get(deps.database);
  if (last && Date.now() - last.at < PROBE_REUSE_MS) return last.state;
  const state = probe(deps.database);
  recent.set(deps.database, { at: Date.now(), state });
  return state;
}
