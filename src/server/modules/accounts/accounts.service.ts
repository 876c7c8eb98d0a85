import { hash, verify } from '@node-rs/argon2';
import type {
  ApiToken,
  Me,
  changeEmailBody,
  confirmEmailBody,
  confirmRegistrationBody,
  createApiTokenBody,
  registerBody,
  requestLinkBody,
  requestSignInLinkBody,
  resetPasswordBody,
  signInBody,
  signInWithLinkBody,
  tokenParams,
  updateMeBody,
} from '../../../contracts/accounts.ts';
import { isLocale } from '../../../i18n/locales.ts';
import { authorize, requireSignedIn, type Actor } from '../../access.ts';
import type { Deps, UseCaseScope } from '../../deps.ts';
import { AppError, conflict, invalid, notFound, unauthenticated, NOT_FOUND } from '../../errors.ts';
import { m } from './accounts.messages.ts';
import { hashSecret, newSecret } from '../../secrets.ts';
import { writeAudit } from '../audit/audit.repository.ts';
import {
  alreadyRegisteredEmail,
  confirmNewEmailEmail,
  emailChangedEmail,
  emailNotChangedEmail,
  finishRegistrationEmail,
  passwordResetEmail,
  signInLinkEmail,
} from '../mail/emails/index.ts';
import { enqueue } from '../mail/outbox.repository.ts';
import * as repo from './accounts.repository.ts';
import {
  checkPasswordAttempt,
  clearFailedPasswords,
  limitPerAddress,
  PAIR_WINDOW_SECONDS,
  recordFailedPassword,
  underMailCap,
} from './throttle.ts';
import type { UseCaseInput } from '../../endpoints.ts';

const ARGON2 = { memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;
const LINK_MINUTES = 15;
/** An email-change link goes to a new inbox, which may be read later in the day. */
const EMAIL_CHANGE_HOURS = 24;
/** A registration link is opened from an inbox, perhaps later in the day. */
const REGISTRATION_HOURS = 24;
/**
 * Mail to one account is coalesced, never refused: while a link of the same
 * kind sent in the last five minutes is unused (it works for fifteen), no new
 * one goes, so the owner always holds a working link and no one can send an
 * account more than twelve an hour.
 */
const COALESCE_SECONDS = 5 * 60;
/** Link requests and registrations per requesting address. */
const LINKS_PER_ADDRESS = 20;
const LINKS_WINDOW_SECONDS = 15 * 60;
/** Enough for a room of people on one network registering at a meeting. */
const REGISTRATIONS_PER_ADDRESS = 20;
const REGISTRATIONS_WINDOW_SECONDS = 60 * 60;
/** Registration mail (links and notices) to one address, per hour. */
const REGISTRATION_MAILS_PER_HOUR = 5;

let dummyHash: Promise<string> | null = null;
function timingHash(): Promise<string> {
  dummyHash ??= hash(newSecret(), ARGON2);
  return dummyHash;
}

function toMe(user: repo.UserRow): Me {
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    knownAs: user.knownAs,
    jobTitle: user.jobTitle,
    organisation: user.organisation,
    isAdmin: user.isAdmin,
    language: isLocale(user.language) ? user.language : null,
  };
}

export type SignedIn = { user: Me; sessionToken: string };

/** Where a request came from, and the session it carried (ended when a new one starts). */
export type RequestContext = { address: string; session?: string | undefined };

/**
 * What the account use cases run with besides their input: their dependencies,
 * who is asking, and where the request came from (limits are per address, and
 * signing in ends the session the request carried).
 */
export type AccountScope = UseCaseScope & { from: RequestContext };

async function startSession(deps: Deps, userId: string, ctx?: RequestContext): Promise<string> {
  if (ctx?.session) await repo.deleteSession(deps.db, hashSecret(ctx.session));
  const token = newSecret();
  const expiresAt = new Date(Date.now() + deps.config.sessionDays * 86_400_000);
  await repo.insertSession(deps.db, { idHash: hashSecret(token), userId, expiresAt });
  return token;
}

/**
 * What registering answers: the first account of an empty installation is
 * created and signed in at once (it becomes the administrator, and there is no
 * one to find out about); after that, every registration answers the same,
 * whether or not the address has an account, and the rest happens by email.
 */
export type Registered = { kind: 'signed_in'; signedIn: SignedIn } | { kind: 'emailed' };

export const REGISTRATION_EMAILED =
  'Check your email: we have sent a link to finish creating your account. It works for 24 hours.';

export async function register(
  input: UseCaseInput<{ body: typeof registerBody }>,
  { deps, from: ctx }: AccountScope,
): Promise<Registered> {
  await limitPerAddress(
    deps.db,
    'register-address',
    ctx.address,
    REGISTRATIONS_PER_ADDRESS,
    REGISTRATIONS_WINDOW_SECONDS,
    m.tooManyRegistrations,
  );
  // Hashed whichever way it goes, so the time taken tells nothing.
  const passwordHash = await hash(input.password, ARGON2);
  const token = newSecret();
  const first = await deps.db.transaction(async (tx) => {
    await repo.lockInstallation(tx);
    if ((await repo.countUsers(tx)) === 0) {
      const created = await repo.insertUser(tx, {
        email: input.email,
        name: input.name,
        passwordHash,
        isAdmin: true,
        language: input.language ?? null,
      });
      await writeAudit(tx, {
        actorId: created.id,
        action: 'account.registered_as_administrator',
        subjectType: 'user',
        subjectId: created.id,
      });
      return created;
    }
    const existing = await repo.findUserByEmail(tx, input.email);
    if (existing) {
      if (await underMailCap(tx, input.email, REGISTRATION_MAILS_PER_HOUR, 3600)) {
        await enqueue(tx, {
          to: input.email,
          ...alreadyRegisteredEmail(existing.language ?? input.language, {
            name: existing.name,
            signInUrl: `${deps.config.baseUrl}/sign-in`,
            forgotUrl: `${deps.config.baseUrl}/forgot-password`,
          }),
        });
      }
      return null;
    }
    await repo.insertRegistration(tx, {
      tokenHash: hashSecret(token),
      email: input.email,
      name: input.name,
      passwordHash,
      language: input.language ?? null,
      expiresAt: new Date(Date.now() + REGISTRATION_HOURS * 3_600_000),
    });
    if (await underMailCap(tx, input.email, REGISTRATION_MAILS_PER_HOUR, 3600)) {
      const next = input.next ? `&next=${encodeURIComponent(input.next)}` : '';
      await enqueue(tx, {
        to: input.email,
        ...finishRegistrationEmail(input.language, {
          name: input.name,
          link: `${deps.config.baseUrl}/register/confirm#token=${token}${next}`,
          hours: REGISTRATION_HOURS,
        }),
      });
    }
    return null;
  });
  deps.kickMail();
  if (!first) return { kind: 'emailed' };
  return {
    kind: 'signed_in',
    signedIn: { user: toMe(first), sessionToken: await startSession(deps, first.id, ctx) },
  };
}

/**
 * Opens a registration link: with the password chosen when registering, the
 * account is created and signed in. Asking for the password means a link sent
 * after someone else registered your address cannot give them your account.
 */
export async function confirmRegistration(
  input: UseCaseInput<{ body: typeof confirmRegistrationBody }>,
  { deps, from: ctx }: AccountScope,
): Promise<SignedIn> {
  const tokenHash = hashSecret(input.token);
  const expired = () =>
    new AppError('unauthenticated', m.registrationExpired, { token: m.tokenExpired });
  const pending = await repo.findUsableRegistration(deps.db, tokenHash);
  if (!pending) {
    await verify(await timingHash(), input.password);
    throw expired();
  }
  if (!(await verify(pending.passwordHash, input.password))) {
    throw new AppError('unauthenticated', m.registrationPassword, {
      password: m.registrationPasswordField,
    });
  }
  const user = await deps.db.transaction(async (tx) => {
    await repo.lockInstallation(tx);
    if (!(await repo.consumeRegistration(tx, tokenHash))) throw expired();
    if (await repo.findUserByEmail(tx, pending.email)) {
      throw conflict(m.hasAccount, { token: m.hasAccountField });
    }
    const first = (await repo.countUsers(tx)) === 0;
    const created = await repo.insertUser(tx, {
      email: pending.email,
      name: pending.name,
      passwordHash: pending.passwordHash,
      isAdmin: first,
      language: isLocale(pending.language) ? pending.language : null,
    });
    await writeAudit(tx, {
      actorId: created.id,
      action: first ? 'account.registered_as_administrator' : 'account.registered',
      subjectType: 'user',
      subjectId: created.id,
    });
    return created;
  });
  return { user: toMe(user), sessionToken: await startSession(deps, user.id, ctx) };
}

/** Creates an administrator (the `accord create-admin` command), or promotes an existing account. */
export async function createAdmin(
  deps: Deps,
  input: { name: string; email: string; password: string },
): Promise<{ user: Me; created: boolean }> {
  const passwordHash = await hash(input.password, ARGON2);
  return deps.db.transaction(async (tx) => {
    await repo.lockInstallation(tx);
    const existing = await repo.findUserByEmail(tx, input.email);
    if (existing) {
      await repo.setAdmin(tx, existing.id);
      await writeAudit(tx, {
        actorId: null,
        action: 'account.made_administrator',
        subjectType: 'user',
        subjectId: existing.id,
      });
      return { user: { ...toMe(existing), isAdmin: true }, created: false };
    }
    const user = await repo.insertUser(tx, { ...input, passwordHash, isAdmin: true });
    await writeAudit(tx, {
      actorId: null,
      action: 'account.registered_as_administrator',
      subjectType: 'user',
      subjectId: user.id,
    });
    return { user: toMe(user), created: true };
  });
}

export async function signIn(
  input: UseCaseInput<{ body: typeof signInBody }>,
  { deps, from: ctx }: AccountScope,
): Promise<SignedIn> {
  await checkPasswordAttempt(deps.db, input.email, ctx.address);
  const user = await repo.findUserByEmail(deps.db, input.email);
  const valid = user?.passwordHash
    ? await verify(user.passwordHash, input.password)
    : (await verify(await timingHash(), input.password), false);
  if (!user || !valid) {
    await recordFailedPassword(deps.db, input.email, ctx.address);
    throw new AppError('unauthenticated', m.wrongPassword, { password: m.wrongPasswordField });
  }
  await clearFailedPasswords(deps.db, input.email, ctx.address);
  return { user: toMe(user), sessionToken: await startSession(deps, user.id, ctx) };
}

async function limitLinks(deps: Deps, address: string): Promise<void> {
  await limitPerAddress(
    deps.db,
    'link-address',
    address,
    LINKS_PER_ADDRESS,
    LINKS_WINDOW_SECONDS,
    m.tooManyLinks,
  );
}

/** Emails a one-time sign-in link (see requestEmailLink). */
export async function requestSignInLink(
  { email, next }: UseCaseInput<{ body: typeof requestSignInLinkBody }>,
  { deps, from }: AccountScope,
): Promise<void> {
  await requestEmailLink(deps, email, 'sign_in', from.address, next);
}

/** Emails a password reset link (see requestEmailLink). */
export async function requestPasswordReset(
  { email }: UseCaseInput<{ body: typeof requestLinkBody }>,
  { deps, from }: AccountScope,
): Promise<void> {
  await requestEmailLink(deps, email, 'password_reset', from.address);
}

/**
 * Emails a single-use link. The answer is the same whether or not the account
 * exists, so the form cannot be used to find out who has an account.
 */
async function requestEmailLink(
  deps: Deps,
  email: string,
  purpose: 'sign_in' | 'password_reset',
  address: string,
  next?: string,
): Promise<void> {
  await limitLinks(deps, address);
  const user = await repo.findUserByEmail(deps.db, email);
  if (!user) return;
  // A working link of this kind went out in the last few minutes: that one is the answer.
  if (await repo.hasRecentToken(deps.db, user.id, purpose, COALESCE_SECONDS)) return;
  const token = newSecret();
  const expiresAt = new Date(Date.now() + LINK_MINUTES * 60_000);
  const link =
    purpose === 'sign_in'
      ? `${deps.config.baseUrl}/sign-in/link#token=${token}${next ? `&next=${encodeURIComponent(next)}` : ''}`
      : `${deps.config.baseUrl}/reset-password#token=${token}`;
  await deps.db.transaction(async (tx) => {
    await repo.insertOneTimeToken(tx, {
      tokenHash: hashSecret(token),
      userId: user.id,
      purpose,
      expiresAt,
    });
    const words = { name: user.name, link, minutes: LINK_MINUTES };
    await enqueue(tx, {
      to: user.email,
      ...(purpose === 'sign_in'
        ? signInLinkEmail(user.language, words)
        : passwordResetEmail(user.language, words)),
    });
  });
  deps.kickMail();
}

export async function signInWithLink(
  { token }: UseCaseInput<{ body: typeof signInWithLinkBody }>,
  { deps, from: ctx }: AccountScope,
): Promise<SignedIn> {
  const used = await repo.consumeOneTimeToken(deps.db, hashSecret(token), 'sign_in');
  const user = used ? await repo.findUserById(deps.db, used.userId) : undefined;
  if (!user) {
    throw new AppError('unauthenticated', m.signInLinkExpired, { token: m.tokenExpired });
  }
  return { user: toMe(user), sessionToken: await startSession(deps, user.id, ctx) };
}

export async function resetPassword(
  input: UseCaseInput<{ body: typeof resetPasswordBody }>,
  { deps, from: ctx }: AccountScope,
): Promise<SignedIn> {
  const passwordHash = await hash(input.password, ARGON2);
  const user = await deps.db.transaction(async (tx) => {
    const used = await repo.consumeOneTimeToken(tx, hashSecret(input.token), 'password_reset');
    const found = used ? await repo.findUserById(tx, used.userId) : undefined;
    if (!found) {
      throw new AppError('unauthenticated', m.resetLinkExpired, { token: m.tokenExpired });
    }
    await repo.setPassword(tx, found.id, passwordHash);
    // A reset ends every other session: whoever knew the old password is signed out.
    await repo.deleteSessionsOf(tx, found.id);
    await clearFailedPasswords(tx, found.email);
    await writeAudit(tx, {
      actorId: found.id,
      action: 'account.password_reset',
      subjectType: 'user',
      subjectId: found.id,
    });
    return found;
  });
  return { user: toMe(user), sessionToken: await startSession(deps, user.id, ctx) };
}

/** Ends the session the request carried. */
export async function signOut(_input: unknown, { deps, from }: AccountScope): Promise<void> {
  if (from.session) await repo.deleteSession(deps.db, hashSecret(from.session));
}

/** Who is signed in, or no one: signed out is an answer here, not a refusal. */
export async function getSession(
  _input: unknown,
  { deps, actor }: UseCaseScope,
): Promise<{ user: Me | null }> {
  authorize(actor, 'account.session');
  if (!actor) return { user: null };
  const user = await repo.findUserById(deps.db, actor.userId);
  return { user: user ? toMe(user) : null };
}

export async function getMe(_input: unknown, { deps, actor }: UseCaseScope): Promise<Me> {
  const signedIn = requireSignedIn(actor, 'account.read');
  const user = await repo.findUserById(deps.db, signedIn.userId);
  if (!user) throw unauthenticated();
  return toMe(user);
}

/**
 * Your name, the other names you go by (kept once each, in the order given),
 * your job title and organisation (empty clears them), and the language
 * Accord speaks to you in, on screen and by email.
 */
export async function updateMe(
  input: UseCaseInput<{ body: typeof updateMeBody }>,
  { deps, actor }: UseCaseScope,
): Promise<Me> {
  const signedIn = requireSignedIn(actor, 'account.update');
  const values: repo.ProfileChanges = {};
  if (input.name !== undefined) values.name = input.name;
  if (input.jobTitle !== undefined) values.jobTitle = input.jobTitle || null;
  if (input.organisation !== undefined) values.organisation = input.organisation || null;
  if (input.language !== undefined) values.language = input.language;
  if (input.knownAs !== undefined) {
    const seen = new Set<string>();
    values.knownAs = input.knownAs.filter((n) => {
      const key = n.toLocaleLowerCase('en-GB');
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  }
  const me = await deps.db.transaction(async (tx) => {
    const user = await repo.updateProfile(tx, signedIn.userId, values);
    if (!user) throw unauthenticated();
    await writeAudit(tx, {
      actorId: user.id,
      action: 'account.profile_updated',
      subjectType: 'user',
      subjectId: user.id,
      detail: { changed: Object.keys(values) },
    });
    return toMe(user);
  });
  languagesKept.delete(me.id);
  return me;
}

/**
 * A new email address takes effect only when the link sent to it is opened,
 * so no one can move an account to an address they do not hold. If the
 * address already has an account, that address is told so and nothing
 * changes; the answer here is the same either way.
 */
export async function requestEmailChange(
  { email: newEmail }: UseCaseInput<{ body: typeof changeEmailBody }>,
  { deps, actor, from: { address } }: AccountScope,
): Promise<void> {
  const signedIn = requireSignedIn(actor, 'account.update');
  const user = await repo.findUserById(deps.db, signedIn.userId);
  if (!user) throw unauthenticated();
  if (user.email === newEmail) throw invalid({ email: m.sameEmail });
  await limitLinks(deps, address);
  const taken = await repo.findUserByEmail(deps.db, newEmail);
  if (
    !taken &&
    (await repo.hasRecentToken(deps.db, user.id, 'email_change', COALESCE_SECONDS, newEmail))
  ) {
    return;
  }
  const token = newSecret();
  await deps.db.transaction(async (tx) => {
    if (taken) {
      if (!(await underMailCap(tx, newEmail, REGISTRATION_MAILS_PER_HOUR, 3600))) return;
      await enqueue(tx, { to: newEmail, ...emailNotChangedEmail(taken.language) });
      return;
    }
    await repo.insertOneTimeToken(tx, {
      tokenHash: hashSecret(token),
      userId: user.id,
      purpose: 'email_change',
      newEmail,
      expiresAt: new Date(Date.now() + EMAIL_CHANGE_HOURS * 3_600_000),
    });
    await enqueue(tx, {
      to: newEmail,
      ...confirmNewEmailEmail(user.language, {
        name: user.name,
        link: `${deps.config.baseUrl}/account/email#token=${token}`,
        hours: EMAIL_CHANGE_HOURS,
      }),
    });
  });
  deps.kickMail();
}

/** Opens the emailed link: the account takes the new address, and the old one is told. */
export async function confirmEmailChange(
  { token }: UseCaseInput<{ body: typeof confirmEmailBody }>,
  { deps }: UseCaseScope,
): Promise<Me> {
  const user = await deps.db.transaction(async (tx) => {
    const change = await repo.consumeOneTimeToken(tx, hashSecret(token), 'email_change');
    const found = change ? await repo.findUserById(tx, change.userId) : undefined;
    if (!change?.newEmail || !found) {
      throw new AppError('unauthenticated', m.emailLinkExpired, { token: m.tokenExpired });
    }
    if (await repo.findUserByEmail(tx, change.newEmail)) throw conflict(m.emailTaken);
    const updated = await repo.setEmail(tx, found.id, change.newEmail);
    if (!updated) throw unauthenticated();
    await writeAudit(tx, {
      actorId: found.id,
      action: 'account.email_changed',
      subjectType: 'user',
      subjectId: found.id,
    });
    await enqueue(tx, {
      to: found.email,
      ...emailChangedEmail(found.language, { name: found.name }),
    });
    return updated;
  });
  deps.kickMail();
  return toMe(user);
}

/** Who a session cookie or API token belongs to; null when neither is valid. */
export async function actorFromSession(deps: Deps, sessionToken: string): Promise<Actor> {
  const row = await repo.findSessionUser(deps.database, hashSecret(sessionToken));
  return row ? { userId: row.id, isAdmin: row.isAdmin } : null;
}

/**
 * Languages looked up to word errors, kept a short while: every refused request
 * of a signed-in person needs one, and a fuzzing client or a busy form sends
 * many. A change made here shows at once; one made through another instance
 * shows within LANGUAGE_KEPT_MS.
 */
const LANGUAGE_KEPT_MS = 30_000;
const languagesKept = new Map<string, { language: string | null; until: number }>();

/** The language a person chose for Accord, or null: errors are worded in it. */
export async function accountLanguage(deps: Deps, userId: string): Promise<string | null> {
  const now = Date.now();
  const kept = languagesKept.get(userId);
  if (kept && kept.until > now) return kept.language;
  const language = await repo.languageOf(deps.db, userId);
  if (languagesKept.size >= 10_000) languagesKept.clear();
  languagesKept.set(userId, { language, until: now + LANGUAGE_KEPT_MS });
  return language;
}

export async function actorFromApiToken(deps: Deps, secret: string): Promise<Actor> {
  const row = await repo.findApiTokenUser(deps.db, hashSecret(secret));
  if (!row) return null;
  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > 60_000) {
    await repo.touchApiToken(deps.db, row.tokenId);
  }
  return { userId: row.id, isAdmin: row.isAdmin };
}

function toApiToken(row: Awaited<ReturnType<typeof repo.listApiTokens>>[number]): ApiToken {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
  };
}

export async function listApiTokens(
  _input: unknown,
  { deps, actor }: UseCaseScope,
): Promise<ApiToken[]> {
  const signedIn = requireSignedIn(actor, 'account.tokens');
  return (await repo.listApiTokens(deps.db, signedIn.userId)).map(toApiToken);
}

export async function createApiToken(
  { name }: UseCaseInput<{ body: typeof createApiTokenBody }>,
  { deps, actor }: UseCaseScope,
): Promise<{ token: ApiToken; secret: string }> {
  const signedIn = requireSignedIn(actor, 'account.tokens');
  const secret = `acc_${newSecret()}`;
  const row = await deps.db.transaction(async (tx) => {
    const created = await repo.insertApiToken(tx, {
      userId: signedIn.userId,
      name,
      tokenHash: hashSecret(secret),
      prefix: secret.slice(0, 8),
    });
    await writeAudit(tx, {
      actorId: signedIn.userId,
      action: 'api_token.created',
      subjectType: 'api_token',
      subjectId: created.id,
    });
    return created;
  });
  return { token: toApiToken(row), secret };
}

export async function revokeApiToken(
  { tokenId }: UseCaseInput<{ params: typeof tokenParams }>,
  { deps, actor }: UseCaseScope,
): Promise<void> {
  const signedIn = requireSignedIn(actor, 'account.tokens');
  await deps.db.transaction(async (tx) => {
    if (!(await repo.revokeApiToken(tx, signedIn.userId, tokenId))) throw notFound(NOT_FOUND.token);
    await writeAudit(tx, {
      actorId: signedIn.userId,
      action: 'api_token.revoked',
      subjectType: 'api_token',
      subjectId: tokenId,
    });
  });
}

export async function pruneExpired(deps: Deps): Promise<void> {
  await repo.pruneExpired(deps.db, PAIR_WINDOW_SECONDS);
}
