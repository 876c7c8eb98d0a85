import { registerBody } from '../contracts/accounts.ts';
import type { Config } from '../server/config.ts';
import type { Database } from '../server/db/client.ts';
import { createAdmin } from '../server/modules/accounts/accounts.service.ts';
import pino from 'pino';

export async function createAdminFromCli(
  config: Config,
  database: Database,
  input: {
    email?: string | undefined;
    name?: string | undefined;
    readPassword: () => Promise<string>;
  },
): Promise<number> {
  const parsed = registerBody.safeParse({
    email: input.email,
    name: input.name,
    password: await input.readPassword(),
  });
  if (!parsed.success) {
    for (const issue of parsed.error.issues)
      console.error(`${issue.path.join('.')}: ${issue.message}`);
    return 2;
  }
  const deps = {
    config,
    database,
    db: database.db,
    log: pino({ level: 'silent' }),
    kickMail: () => undefined,
    // The command changes one account: nothing for live views to hear.
    events: {
      publish: async () => undefined,
      subscribe: () => () => undefined,
      close: async () => undefined,
    },
  };
  const result = await createAdmin(deps, parsed.data);
  console.log(
    result.created
      ? `Created administrator ${result.user.email}.`
      : `${result.user.email} already had an account; it is now an administrator.`,
  );
  return 0;
}
