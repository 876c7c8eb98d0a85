import { ALLOWED_ATTRIBUTES, ALLOWED_ELEMENTS, SAFE_HREF } from './markdown-corpus.ts';

const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)((?:\s+[a-zA-Z-]+="[^"<>]*")*)\s*(\/?)>/y;
const ATTRIBUTE = /\s+([a-zA-Z-]+)="([^"<>]*)"/g;

/**
 * What in this rendered HTML could run script or reach outside the allowlist,
 * read strictly without a DOM: every "<" must open a tag of the allowlist,
 * with only its own attributes, and a link only to http:, https: or mailto:.
 */
export function unsafeParts(html: string): string[] {
  const problems: string[] = [];
  for (let i = html.indexOf('<'); i >= 0; i = html.indexOf('<', i + 1)) {
    TAG.lastIndex = i;
    const tag = TAG.exec(html);
    if (!tag) {
      problems.push(`a "<" that opens no allowed tag at ${i}: ${html.slice(i, i + 40)}`);
      continue;
    }
    const name = (tag[2] ?? '').toLowerCase();
    if (!ALLOWED_ELEMENTS.includes(name)) problems.push(`element ${name}`);
    for (const [, attribute = '', value = ''] of (tag[3] ?? '').matchAll(ATTRIBUTE)) {
      if (!(ALLOWED_ATTRIBUTES[name] ?? []).includes(attribute.toLowerCase()))
        problems.push(`attribute ${attribute} on ${name}`);
      if (attribute.toLowerCase() === 'href' && !SAFE_HREF.test(value))
        problems.push(`link to ${value}`);
    }
  }
  return problems;
}
