/**
 * Notes read with wink-nlp and its English model (ADR 0014): paragraphs,
 * sentences and tokens, each with its offsets in the text, part of speech and
 * lemma. wink is loaded once per process, the first time a note is checked.
 *
 * A thin note layer sits around wink's sentence splitter: lines and bullets
 * start sentences, and the pieces wink cuts wrongly for notes are put back
 * together — a speaker tag on its own at the end ("(MK)", "— Jordan"), a
 * title with a full stop ("Cllr."), a time ("8.05pm").
 */
import winkNLP, { type ItemSentence } from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { firstKey } from './words.ts';

export type Token = {
  /** Position in the sentence. */
  i: number;
  text: string;
  lower: string;
  /** Universal Dependencies part of speech, e.g. 'PROPN', 'VERB', 'AUX'. */
  pos: string;
  lemma: string;
  start: number;
  end: number;
  /** A capital first letter. */
  capital: boolean;
  /** Has a letter in it (a word, not a mark or a number). */
  word: boolean;
  /** The leading letters and digits, lower case: how role phrases are looked up. */
  key: string;
};

export type Sentence = { start: number; end: number; tokens: Token[] };

/** A paragraph's sentences: a pronoun may point back to a sentence before it. */
export type Paragraph = Sentence[];

type Nlp = ReturnType<typeof winkNLP>;
let nlp: Nlp | null = null;

function engine(): Nlp {
  nlp ??= winkNLP(model);
  return nlp;
}

const BULLET = /^(?:[*+•‣◦]|-(?=\s)|\d{1,3}[.)]|[a-z][.)]|#{1,6}|>)[ \t]+/;
const TITLE_STOP = /\b(?:dr|mr|mrs|ms|mx|prof|cllr|revd|rev|st)\.$/i;
/** A piece that is only a speaker tag: "(KA)", "- PR", "— Marek", "(Femi)." */
const LONE_TAG = /^(?:\(\s*[\p{L}.' -]{1,30}\)|[-–—]\s*[\p{L}.' -]{1,30})\s*\.?$/u;

/** The text's paragraphs (blank lines between them), each cut into sentences of tokens. */
export function readNotes(text: string): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  for (const block of text.matchAll(/(?:[^\n]|\n(?![ \t]*\r?\n))+/g)) {
    const sentences: Sentence[] = [];
    const base = block.index;
    for (const line of block[0].matchAll(/[^\r\n]+/g)) {
      let start = base + line.index;
      let body = line[0];
      const lead = /^[ \t]*/.exec(body)![0].length;
      start += lead;
      body = body.slice(lead);
      const bullet = BULLET.exec(body);
      if (bullet) {
        start += bullet[0].length;
        body = body.slice(bullet[0].length);
      }
      if (!body.trim()) continue;
      sentences.push(...lineSentences(text, start, body));
    }
    if (sentences.length > 0) paragraphs.push(sentences);
  }
  return paragraphs;
}

function lineSentences(text: string, lineStart: number, body: string): Sentence[] {
  const doc = engine().readDoc(body);
  const its = engine().its;
  const pieces: { start: number; end: number; tokens: Token[] }[] = [];
  // Whole-document arrays are much faster than asking token by token.
  const all = doc.tokens();
  const values = all.out();
  const tags = all.out(its.pos);
  // wink's types miss the lemma's signature; it is a string like the others.
  const lemmas = all.out(its.lemma as typeof its.pos);
  const sizes: number[] = [];
  doc.sentences().each((sentence: ItemSentence) => {
    sizes.push(sentence.tokens().length());
  });
  let cursor = 0;
  let n = 0;
  for (const size of sizes) {
    const tokens: Token[] = [];
    for (let k = 0; k < size; k++, n++) {
      const value = values[n]!;
      let at = body.indexOf(value, cursor);
      if (at < 0) at = cursor;
      else cursor = at + value.length;
      const first = value.charCodeAt(0);
      const lower = value.toLowerCase();
      tokens.push({
        i: 0,
        text: body.slice(at, at + value.length),
        lower,
        pos: tags[n]!,
        lemma: lemmas[n]!.toLowerCase(),
        start: lineStart + at,
        end: lineStart + at + value.length,
        capital: first >= 65 && first <= 90 ? true : first < 128 ? false : /^\p{Lu}/u.test(value),
        word: /[a-z]/.test(lower) || (first >= 128 && /\p{L}/u.test(value)),
        key: firstKey(lower),
      });
    }
    if (tokens.length === 0) continue;
    pieces.push({ start: tokens[0]!.start, end: tokens.at(-1)!.end, tokens });
  }
  // Put back together what wink cuts wrongly in notes.
  const joined: typeof pieces = [];
  for (const piece of pieces) {
    const before = joined.at(-1);
    const own = text.slice(piece.start, piece.end);
    const previous = before ? text.slice(before.start, before.end) : '';
    if (
      before &&
      (LONE_TAG.test(own) ||
        TITLE_STOP.test(previous) ||
        (/\d\.$/.test(previous) && /^\d/.test(own)))
    ) {
      before.end = piece.end;
      before.tokens.push(...piece.tokens);
    } else joined.push(piece);
  }
  for (const p of joined) p.tokens.forEach((t, i) => (t.i = i));
  return joined;
}
