import type { App, AppOptions } from './app.ts';
import { loadConfig, type Config } from './config.ts';
import { openDatabase } from './db/client.ts';

export type ServeOptions = Pick<AppOptions, 'extraRoutes'>;

/** Read config, open and migrate the database, build the app, listen; close cleanly on a signal. */
export async function serve(
  config: Config = loadConfig(),
  options: ServeOptions = {},
): Promise<App> {
  // The app's code (most of the server's modules) loads while the database
  // opens: the embedded one opens in a thread of its own, so the two overlap.
  const appCode = import('./app.ts');
  // Should the database fail to open first, its error is the one reported.
  appCode.catch(() => undefined);
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    poolSize: config.databasePoolSize,
    timeouts: config.databaseTimeouts,
    onPoolError: (error) =>
      console.error(JSON.stringify({ level: 50, msg: 'database pool error', err: error.message })),
  });
  let closing = false;
  try {
    await database.migrate();
    const { buildApp } = await appCode;
    const app = await buildApp({ config, database, ...options });
    const shutdown = async (signal: string) => {
      if (closing) return;
      closing = true;
      app.log.info({ signal }, 'shutting down');
      try {
        await app.close();
      } finally {
        await database.close();
        process.exit(0);
      }
    };
    process.once('SIGINT', () => void shutdown('SIGINT'));
    process.once('SIGTERM', () => void shutdown('SIGTERM'));
    await app.listen({ port: config.port, host: config.host });
    app.log.info(
      {
        engine: database.engine,
        port: (app.server.address() as { port?: number } | null)?.port,
        dataDir: database.engine === 'pglite' ? config.dataDir : undefined,
      },
      `Accord is ready at ${config.baseUrl}`,
    );
    return app;
  } catch (error) {
    await database.close();
    throw error;
  }
}
