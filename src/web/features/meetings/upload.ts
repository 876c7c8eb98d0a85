import { errorBody } from '../../../contracts/common.ts';
import { api, ApiError, languageHeader } from '../../lib/api.ts';

const CSRF_COOKIE = 'accord_csrf';

function csrfCookie(): string | undefined {
  for (const part of document.cookie.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === CSRF_COOKIE) return decodeURIComponent(rest.join('='));
  }
  return undefined;
}

/** Bytes sent so far of the whole file. */
export type UploadProgress = { sent: number; total: number };

/** What the upload could not do, in words the page shows (network failures have no answer). */
export type UploadWords = { network: string; unexpected: string };

/**
 * POSTs a file as the raw body, as `api.upload` does (same CSRF header and
 * content type, the same error shape back), reporting progress as it goes:
 * fetch cannot tell how much of a request body has been sent, so this uses
 * XMLHttpRequest.
 */
export async function uploadWithProgress<T>(
  path: string,
  file: Blob,
  onProgress: (progress: UploadProgress) => void,
  words: UploadWords,
): Promise<T> {
  let token = csrfCookie();
  if (!token) {
    const answer = await api.get<{ csrfToken: string }>('/api/v1/csrf');
    token = csrfCookie() ?? answer.csrfToken;
  }
  const csrf = token;
  return new Promise<T>((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', path);
    request.withCredentials = true;
    request.setRequestHeader('accept', 'application/json');
    for (const [name, value] of Object.entries(languageHeader()))
      request.setRequestHeader(name, value);
    request.setRequestHeader('content-type', 'application/octet-stream');
    request.setRequestHeader('x-csrf-token', csrf);
    request.upload.onprogress = (event) => {
      onProgress({ sent: event.loaded, total: event.lengthComputable ? event.total : file.size });
    };
    request.onerror = () => reject(new ApiError(0, 'network', words.network));
    request.onabort = () => reject(new ApiError(0, 'network', words.network));
    request.onload = () => {
      let parsed: unknown = undefined;
      try {
        parsed = request.responseText ? JSON.parse(request.responseText) : undefined;
      } catch {
        parsed = undefined;
      }
      if (request.status >= 200 && request.status < 300) {
        resolve(parsed as T);
        return;
      }
      const error = errorBody.safeParse(parsed);
      if (error.success) {
        const { code, message, fields, reason } = error.data.error;
        reject(new ApiError(request.status, code, message, fields, reason));
      } else {
        reject(new ApiError(request.status, 'unexpected', words.unexpected));
      }
    };
    request.send(file);
  });
}
