/**
 * C6, notes under the Chatham House Rule: "notes of meetings will reflect the
 * discussion", and never say who held which view. Before notes are published,
 * this check finds the places where a view is tied to someone a reader could
 * identify, and offers the sentence reworded (ADR 0014).
 *
 * - Who: the group's people by any form of their name (any case, near
 *   misses, known-as names, initials, titles, possessives); a role, job or
 *   organisation (the server passes each person's); a pronoun for someone
 *   named earlier in the paragraph; the note-taker's "I"; and named guests.
 * - A view: the person is the subject of a verb of saying, thinking or
 *   feeling, or of "was adamant", "would rather", "won't support"; a possessive
 *   names a view ("Sam's concern"); "according to Sam", "raised by Sam", "the
 *   objection from Sam"; a speaker tag ("Sam: …", "(SK)", "— Sam").
 * - Not a view: actions with an owner ("Sam will book the room by Friday",
 *   "Jo to send …"), thanks, apologies, attendance and procedure.
 * - Two levels: "attributes" (reword, or record why it stays) and "may" (a
 *   nudge): a few people ("one of the two GPs"), a person beside a view they
 *   may not hold, a pronoun that could be either of two people.
 *
 * The folder: `nlp.ts` reads notes with wink-nlp (paragraphs, sentences,
 * tokens); `people.ts` compiles the group's people; `words.ts` holds the
 * words the check knows; `analyse.ts` finds mentions and ties them to views;
 * `rewording.ts` writes the neutral sentence; `check.ts` runs it all.
 * Tuned on corpus/attribution/dev.jsonl only; `npm run eval:attribution`.
 */
export type {
  AttributionFlag,
  AttributionKind,
  AttributionLevel,
  AttributionOptions,
  AttributionPerson,
} from './types.ts';
export { checkAttribution } from './check.ts';
export { attributionPerson, type PersonDetails } from './people.ts';
