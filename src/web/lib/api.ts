import { createIntl, defineMessages, type IntlShape, type MessageDescriptor } from 'react-intl';
import { DEFAULT_LOCALE } from '../../i18n/locales.ts';

const CSRF_COOKIE = 'accord_csrf';

/** An answer from the API in its one error shape, or a network failure. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** Each bad input's name, and what to fix about it. */
    readonly fields: Record<string, string> = {},
    /** The API's stable reason ("notes.attributedViews"), for a page to branch on. */
    readonly reason?: string,
  ) {
    super(message);
  }
}

let language: string | undefined;
let words: Pick<IntlShape, 'formatMessage'> | undefined;

/**
 * The reader's chosen language, sent as Accept-Language so that the API words
 * its errors in it (a signed-in person's account language comes first there),
 * and the messages to word what goes wrong before the API can answer.
 */
export function setApiLanguage(locale: string, intl: Pick<IntlShape, 'formatMessage'>): void {
  language = locale;
  words = intl;
}

const failures = defineMessages({
  network: {
    id: 'common.api.network',
    defaultMessage: 'We could not reach Accord. Check your internet connection and try again.',
  },
  unexpected: {
    id: 'common.api.unexpected',
    defaultMessage: 'Something went wrong on our side. Please try again in a moment.',
  },
});

function say(message: MessageDescriptor): string {
  // Before the app has drawn there is no language yet: English, from the message itself.
  words ??= createIntl({ locale: DEFAULT_LOCALE, defaultLocale: DEFAULT_LOCALE });
  return words.formatMessage(message);
}

/** Accept-Language for a request, when a language is chosen. */
export function languageHeader(): Record<string, string> {
  return language ? { 'accept-language': language } : {};
}

function readCookie(name: string): string | undefined {
  for (const part of document.cookie.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return undefined;
}

/** The CSRF token the server expects echoed on every change (it sets the cookie on any GET). */
async function csrfToken(): Promise<string> {
  const existing = readCookie(CSRF_COOKIE);
  if (existing) return existing;
  const answer = await send<{ csrfToken: string }>('GET', '/api/v1/csrf');
  return readCookie(CSRF_COOKIE) ?? answer.csrfToken;
}

type ChangeListener = (path: string) => void;
const changeListeners = new Set<ChangeListener>();

/**
 * Tells `listener` the API path of every change (POST, PUT, PATCH, DELETE)
 * that succeeds, so cached answers can be refreshed; returns how to stop.
 */
export function onApiChange(listener: ChangeListener): () => void {
  changeListeners.add(listener);
  return () => changeListeners.delete(listener);
}

/**
 * The API's error answer, read with its contract. The contracts (and Zod)
 * are fetched the first time an answer is an error, not with the app: the
 * first page need not wait for them. Should they not arrive, the person is
 * told to try again.
 */
async function answeredError(status: number, parsed: unknown): Promise<ApiError> {
  const error = await import('../../contracts/common.ts').then(
    ({ errorBody }) => errorBody.safeParse(parsed),
    () => null,
  );
  if (error?.success) {
    const { code, message, fields, reason } = error.data.error;
    return new ApiError(status, code, message, fields, reason);
  }
  return new ApiError(status, 'unexpected', say(failures.unexpected));
}

async function send<T>(method: string, path: string, body?: unknown, file?: Blob): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', ...languageHeader() };
  if (method !== 'GET') headers['x-csrf-token'] = await csrfToken();
  if (file !== undefined) headers['content-type'] = 'application/octet-stream';
  else if (body !== undefined) headers['content-type'] = 'application/json';
  let payload: BodyInit | undefined;
  if (file !== undefined) payload = file;
  else if (body !== undefined) payload = JSON.stringify(body);
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      ...(payload !== undefined ? { body: payload } : {}),
    });
  } catch {
    throw new ApiError(0, 'network', say(failures.network));
  }
  const text = await response.text();
  let parsed: unknown = undefined;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    parsed = undefined;
  }
  if (!response.ok) throw await answeredError(response.status, parsed);
  if (method !== 'GET') for (const listener of changeListeners) listener(path);
  return parsed as T;
}

export const api = {
  get: <T>(path: string) => send<T>('GET', path),
  post: <T>(path: string, body: unknown = {}) => send<T>('POST', path, body),
  patch: <T>(path: string, body: unknown) => send<T>('PATCH', path, body),
  put: <T>(path: string, body: unknown) => send<T>('PUT', path, body),
  delete: <T>(path: string) => send<T>('DELETE', path),
  /** POSTs a file as the raw body (its details go in the query string). */
  upload: <T>(path: string, file: Blob) => send<T>('POST', path, undefined, file),
};

/** A path segment, safely encoded. */
export function segment(value: string): string {
  return encodeURIComponent(value);
}
