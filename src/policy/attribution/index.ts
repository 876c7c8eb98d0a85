/**
 * C6, notes under the Chatham House Rule: "notes of meetings will reflect the
 * discussion", and never say who held which view. Before notes are published,
 * this check finds the places where a view is tied to one of the group's
 * people, or to a role that identifies one, and offers the sentence reworded.
 *
 * The rules, in short:
 * - A speaker is one of the group's people, by full name, first name, surname
 *   or a short form they are known by (matched case-sensitively, as a proper
 *   noun), or a role phrase such as "the chair". Nobody else counts: "we",
 *   "the group", "members" and "a carer" are already neutral, a report or a
 *   policy is not a person, and a name from outside the group is not checked.
 * - A view is attributed when the speaker is the subject of a verb of saying,
 *   thinking or feeling ("Sam felt", "the chair strongly believes", "Jo was
 *   not convinced"), when a possessive names a view ("Sam's concern", "in the
 *   chair's opinion"), or in "according to Sam" and "as Sam put it".
 * - What people will do is not a view: "Sam to send", "Sam will raise it",
 *   "Sam agreed to book the room", "Jo said she would send it", and the lines
 *   that list owners and attendance ("Action:", "Present:", "Apologies:").
 * - Names that are also words ("Will", "Mark", "Hope", "Rose", "Bill") need
 *   that grammar to count, which the lowercase word never has; a name joined
 *   to another capitalised word ("Rose Court", "Sam Jones", "Health Bill") is
 *   someone or something else.
 *
 * The suggestion rewords the whole sentence ("A view was expressed that ...",
 * "Concerns were raised that ...", "One view was that ..."), and is itself
 * checked until nothing in it is attributed.
 *
 * The folder, in the order a sentence goes through it: `sentences.ts` cuts
 * notes into sentences and words; `lexicon.ts` finds the group's people and
 * roles in them; `vocabulary.ts` holds the words the check knows;
 * `grammar.ts` reads what follows a speaker; `findings.ts` decides which
 * mentions attribute a view; `rewording.ts` writes the neutral sentence; and
 * `check.ts` runs them over a whole text.
 */
export type {
  AttributionFlag,
  AttributionKind,
  AttributionOptions,
  AttributionPerson,
} from './types.ts';
export { DEFAULT_ATTRIBUTION_ROLES } from './lexicon.ts';
export { splitNoteSentences } from './sentences.ts';
export { checkAttribution } from './check.ts';
export { attributionPerson } from './people.ts';
