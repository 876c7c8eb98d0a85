/**
 * Notes cut into sentences, and a sentence into words and marks, each with its
 * offsets so that a flag can point at the words it found.
 */
export type Span = { start: number; end: number };

const ABBREVIATIONS = new Set(
  'dr mr mrs ms mx prof st cllr rev no nos vs approx dept govt tel ext fig ref jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun'.split(
    ' ',
  ),
);
const BULLET = /^(?:[-*+•‣◦]|\d{1,3}[.)]|[a-z][.)]|#{1,6}|>)[ \t]+/;

/**
 * Sentences of notes, as offsets: a new line or a Markdown bullet starts one;
 * within a line, `.`, `!` or `?` ends one when followed by a space and a
 * capital (or the end of the line), except after "Dr.", "e.g." and the like.
 * Bullet markers are left out of the sentence.
 */
export function splitNoteSentences(text: string): Span[] {
  const spans: Span[] = [];
  const push = (start: number, end: number) => {
    while (start < end && /\s/.test(text.charAt(start))) start++;
    while (end > start && /\s/.test(text.charAt(end - 1))) end--;
    if (end > start) spans.push({ start, end });
  };
  for (const line of text.matchAll(/[^\r\n]+/g)) {
    const lineEnd = line.index + line[0].length;
    let start = line.index;
    while (start < lineEnd && /[ \t]/.test(text.charAt(start))) start++;
    for (let bullet = BULLET.exec(text.slice(start, lineEnd)); bullet;) {
      start += bullet[0].length;
      bullet = BULLET.exec(text.slice(start, lineEnd));
    }
    let p = start;
    while (p < lineEnd) {
      if (!'.!?…'.includes(text.charAt(p))) {
        p++;
        continue;
      }
      let q = p + 1;
      while (q < lineEnd && '.!?…'.includes(text.charAt(q))) q++;
      while (q < lineEnd && `"'”’)]*_`.includes(text.charAt(q))) q++;
      if (q >= lineEnd) break;
      if (!/\s/.test(text.charAt(q))) {
        p = q;
        continue;
      }
      let r = q;
      while (r < lineEnd && /\s/.test(text.charAt(r))) r++;
      const next = text.charAt(r);
      const ends = r >= lineEnd || /[\p{Lu}\p{N}"“‘'([*•]/u.test(next);
      if (ends && !(text.charAt(p) === '.' && isAbbreviation(text.slice(start, p)))) {
        push(start, q);
        start = r;
      }
      p = r;
    }
    push(start, lineEnd);
  }
  return spans;
}

function isAbbreviation(before: string): boolean {
  const word = /([\p{L}.]+)$/u.exec(before)?.[1];
  if (!word) return false;
  return word.includes('.') || /^\p{Lu}$/u.test(word) || ABBREVIATIONS.has(word.toLowerCase());
}

export type Token = { text: string; lower: string; start: number; end: number; word: boolean };

export function tokenize(s: string): Token[] {
  const tokens: Token[] = [];
  for (const m of s.matchAll(/([\p{L}\p{N}]+(?:[-'’‐‑][\p{L}\p{N}]+)*)|([^\s\p{L}\p{N}])/gu)) {
    tokens.push({
      text: m[0],
      lower: m[0].toLowerCase().replaceAll('’', "'"),
      start: m.index,
      end: m.index + m[0].length,
      word: m[1] !== undefined,
    });
  }
  return tokens;
}
