import { createHash, createHmac, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** A random URL-safe secret for links, cookies and API tokens. */
export function newSecret(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/** Secrets are stored only as their SHA-256, so a database leak does not leak them. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/**
 * The server's own key, never in the database: SECRET_KEY, or else one made
 * once and kept in DATA_DIR/secret-key (readable by this user only). Several
 * instances must share SECRET_KEY.
 */
export function loadServerKey(dataDir: string): string {
  const file = path.join(dataDir, 'secret-key');
  try {
    return fs.readFileSync(file, 'utf8').trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  fs.mkdirSync(dataDir, { recursive: true });
  const key = newSecret(32);
  try {
    fs.writeFileSync(file, `${key}\n`, { mode: 0o600, flag: 'wx' });
    return key;
  } catch (error) {
    // Another process made it first: use theirs.
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      return fs.readFileSync(file, 'utf8').trim();
    }
    throw error;
  }
}

/** A secret derived from the server key for one purpose and subject; nothing to store. */
export function derivedSecret(key: string, purpose: string, subject: string, length = 24): string {
  return createHmac('sha256', key)
    .update(`${purpose}\n${subject}`)
    .digest('base64url')
    .slice(0, length);
}
