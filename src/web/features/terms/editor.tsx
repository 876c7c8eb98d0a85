/**
 * The draft being edited, and what the fields of every step share: reading and
 * changing a path of it, and the problems found at a field.
 */
import { createContext } from 'react';
import { useIntl } from 'react-intl';
import { inputPath } from './fields.ts';

/** A draft being edited: any shape, since a half-typed number is kept as typed. */
export type Doc = Record<string, unknown>;

export function getAt(doc: unknown, path: string): unknown {
  let here: unknown = doc;
  for (const part of path.split('.')) {
    if (here === null || typeof here !== 'object') return undefined;
    here = (here as Record<string, unknown>)[part];
  }
  return here;
}

/** A copy of the draft with one field changed. */
export function setAt(doc: Doc, path: string, value: unknown): Doc {
  const copy = structuredClone(doc);
  const parts = path.split('.');
  let here: Record<string, unknown> = copy;
  for (const part of parts.slice(0, -1)) {
    const next = here[part];
    if (next === null || typeof next !== 'object') here[part] = {};
    here = here[part] as Record<string, unknown>;
  }
  here[parts[parts.length - 1] ?? ''] = value;
  return copy;
}

/** What the fields of a step read and change: the draft and its problems by path. */
export type EditorContextValue = {
  doc: Doc;
  errors: Record<string, string>;
  change: (path: string, value: unknown) => void;
};

export const EditorContext = createContext<EditorContextValue>({
  doc: {},
  errors: {},
  change: () => undefined,
});

/**
 * The problems shown at an input: its own, and those of the paths it stands
 * for (each number in a list typed as one box, a key made from a title...).
 */
export function errorAt(errors: Record<string, string>, path: string): string | undefined {
  const messages = Object.entries(errors)
    .filter(([at]) => at === path || inputPath(at) === path)
    .map(([, message]) => message);
  return messages.length ? [...new Set(messages)].join('; ') : undefined;
}

/** "Error:" before a message, for screen readers: the colour and the text say it to others. */
export function ErrorPrefix() {
  const intl = useIntl();
  return (
    <span className="visually-hidden">
      {intl.formatMessage({ id: 'terms.editor.errorPrefix', defaultMessage: 'Error:' })}&nbsp;
    </span>
  );
}
