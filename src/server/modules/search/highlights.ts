import { HIT_END, HIT_START } from './search.repository.ts';

export type Highlight = { start: number; length: number };

/**
 * A headline from the database (matched words between HIT_START and HIT_END)
 * as plain text and the ranges of the matched words in it, so that no markup
 * is ever made from a person's text. Runs of white space become one space;
 * ranges are in UTF-16 code units, as JavaScript indexes strings.
 */
export function splitHeadline(marked: string): { snippet: string; highlights: Highlight[] } {
  let snippet = '';
  const highlights: Highlight[] = [];
  let open: number | null = null;
  for (const ch of marked) {
    if (ch === HIT_START) {
      open ??= snippet.length;
    } else if (ch === HIT_END) {
      if (open !== null) {
        let start = open;
        let end = snippet.length;
        while (start < end && snippet[start] === ' ') start += 1;
        while (end > start && snippet[end - 1] === ' ') end -= 1;
        const last = highlights.at(-1);
        // Matches with nothing between them (parts of one hyphenated word) read as one.
        if (last && last.start + last.length === start) last.length = end - last.start;
        else if (end > start) highlights.push({ start, length: end - start });
      }
      open = null;
    } else if (/\s/u.test(ch)) {
      if (snippet.length > 0 && !snippet.endsWith(' ')) snippet += ' ';
    } else {
      snippet += ch;
    }
  }
  const trimmed = snippet.trimEnd();
  return {
    snippet: trimmed,
    highlights: highlights.filter((h) => h.start + h.length <= trimmed.length),
  };
}
