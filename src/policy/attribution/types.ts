/** What the attribution check takes and what it answers. */
export type AttributionPerson = {
  /** The full name, e.g. 'Samantha Okafor' or 'Dr Helen Lam'. */
  name: string;
  /** Short forms the person goes by, e.g. ['Sam']. */
  knownAs?: readonly string[];
  /** Their role in the group: 'chair', 'vice-chair', 'note-taker', 'member'. */
  role?: string | null;
  /** What they do, for professional members: 'practice manager', 'GP'. */
  jobTitle?: string | null;
  /** Who they work for or represent: 'Elm Street Surgery', 'Citizens Advice'. */
  organisation?: string | null;
  /** Working groups they lead: 'damp and mould working group'. */
  leads?: readonly string[];
};

/**
 * How sure the check is: 'attributes' — a reader can tell who held the view,
 * so the note-taker rewords it or records why it stays; 'may' — it could
 * narrow a view down to someone, a nudge only.
 */
export type AttributionLevel = 'attributes' | 'may';

/** How the person is pointed to. */
export type AttributionKind =
  /** By name, in any form: "Sam felt", "Dr Lam's view", "(MK)". */
  | 'name'
  /** By a pronoun for someone named earlier in the paragraph: "She felt". */
  | 'pronoun'
  /** By a role or organisation only they fill: "the chair", "Citizens Advice". */
  | 'role'
  /** The note-taker's own "I" or "my view". */
  | 'note_taker'
  /** Someone from outside the group, named: "Dr Fairweather said". */
  | 'guest'
  /** A few people at most: "one of the two GPs", "someone from the council". */
  | 'few_people'
  /** A named person beside a view they may not hold: "After Gareth's update, there was frustration". */
  | 'near_view';

export type AttributionFlag = {
  /** UTF-16 offsets of the attributing span in the text. */
  start: number;
  end: number;
  /** The span itself: "Sam felt", "the chair's opinion", "according to Jo". */
  text: string;
  /** The name or role phrase found. */
  who: string;
  kind: AttributionKind;
  level: AttributionLevel;
  /** The whole sentence, reworded so that no view is attributed. */
  suggestion: string;
  sentence: { start: number; end: number };
};

export type AttributionOptions = {
  people: readonly AttributionPerson[];
  /** Role phrases on top of the built-in ones, e.g. 'the Healthwatch lead'. */
  roles?: readonly string[];
};
