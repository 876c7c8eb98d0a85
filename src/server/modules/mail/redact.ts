/**
 * Every copy of a message that someone other than its recipient can read (the
 * outbox page, the outbox table, the log) loses its links' secrets: the part of
 * a link after `#` or `?`, and any long opaque path segment. What is left still
 * shows which page the link was for.
 */
const LINK = /(https?:\/\/[^\s#?]*)([#?]\S*)?/g;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function redactPath(url: string): string {
  const [scheme = '', rest = ''] = url.split('//');
  return `${scheme}//${rest
    .split('/')
    .map((part, i) => (i > 0 && part.length >= 20 && !UUID.test(part) ? '[removed]' : part))
    .join('/')}`;
}

export function redactLinks(text: string): string {
  return text.replace(LINK, (_match, base: string, secret: string | undefined) => {
    const path = redactPath(base);
    return secret ? `${path}#[removed]` : path;
  });
}
