import { registerBody } from '../contracts/accounts.ts';
import type { Config } from '../server/config.ts';
import type { Database } from '../server/db/client.ts';
import { commandDeps } from '../server/deps.ts';
import { createAdmin } from '../server/modules/accounts/accounts.service.ts';

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
  const deps = commandDeps(config, database);
  const result = await createAdmin(deps, parsed.data);
  console.log(
    result.created
      ? `Created administrator ${result.user.email}.`
      : `${result.user.email} already had an account; it is now an administrator.`,
  );
  return 0;
}
