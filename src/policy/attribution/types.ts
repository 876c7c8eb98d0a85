/** What the attribution check takes and what it answers. */
export type AttributionPerson = {
  /** The full name, e.g. 'Samantha Okafor'. */
  name: string;
  /** Short forms the person goes by, e.g. ['Sam']. */
  knownAs?: readonly string[];
};

export type AttributionKind = 'name_speech' | 'role_speech' | 'possessive' | 'according_to';

export type AttributionFlag = {
  /** UTF-16 offsets of the attributing span in the text. */
  start: number;
  end: number;
  /** The span itself: "Sam felt", "the chair's opinion", "according to Jo". */
  text: string;
  /** The name or role phrase found. */
  who: string;
  kind: AttributionKind;
  /** The whole sentence, reworded so that no view is attributed. */
  suggestion: string;
  sentence: { start: number; end: number };
};

export type AttributionOptions = {
  people: readonly AttributionPerson[];
  /** Role phrases on top of DEFAULT_ATTRIBUTION_ROLES, e.g. 'the Healthwatch lead'. */
  roles?: readonly string[];
};
