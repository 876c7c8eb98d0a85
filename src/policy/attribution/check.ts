/**
 * The check over a whole text: each sentence is analysed on its own, and each
 * sentence that attributes a view gets one rewording, reworded again until
 * nothing in it is attributed.
 */
import { analyseSentence } from './findings.ts';
import { compileLexicon, type Lexicon } from './lexicon.ts';
import { splitNoteSentences } from './sentences.ts';
import type { AttributionFlag, AttributionOptions } from './types.ts';

/** Find every sentence that attributes a view, with a neutral rewording of each. */
export function checkAttribution(text: string, options: AttributionOptions): AttributionFlag[] {
  const lexicon = compileLexicon(options);
  const flags: AttributionFlag[] = [];
  for (const sentence of splitNoteSentences(text)) {
    const source = text.slice(sentence.start, sentence.end);
    const findings = analyseSentence(source, lexicon);
    if (findings.length === 0) continue;
    const suggestion = neutralise(source, lexicon);
    for (const f of findings) {
      const start = sentence.start + f.start;
      const end = sentence.start + f.end;
      flags.push({
        start,
        end,
        text: text.slice(start, end),
        who: f.who,
        kind: f.kind,
        suggestion,
        sentence: { start: sentence.start, end: sentence.end },
      });
    }
  }
  return flags;
}

/** Reword until nothing is attributed; the suggestion must pass its own check. */
function neutralise(sentence: string, lexicon: Lexicon): string {
  let current = sentence;
  for (let round = 0; round < 8; round++) {
    const [first] = analyseSentence(current, lexicon);
    if (!first) return current;
    const next = first.rewrite();
    if (next === current) break;
    current = next;
  }
  return analyseSentence(current, lexicon).length === 0 ? current : 'A view was expressed.';
}
