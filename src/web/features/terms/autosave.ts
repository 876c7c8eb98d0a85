import { useCallback, useEffect, useRef, useState } from 'react';
import { api, ApiError } from '../../lib/api.ts';
import { setAt, type Doc } from './editor.tsx';
import { withKeys } from './keys.ts';
import { termsApi, type TermsVersion } from './types.ts';

/** Where saving the draft stands, for the line that says so. */
export type SaveState =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: string }
  /** The server found things to fix: nothing was saved. */
  | { kind: 'invalid'; count: number }
  /** The server could not be reached, or failed. */
  | { kind: 'failed' };

/** A pause in typing this long saves the draft. */
export const AUTOSAVE_AFTER_MS = 1500;

function asProblem(error: unknown): ApiError {
  return error instanceof ApiError ? error : new ApiError(0, 'unexpected', '');
}

/**
 * The draft as the chair edits it, saved after each pause in typing and
 * whenever `save` is called (on leaving a step, or the Save button). One save
 * runs at a time; a change made while one runs is kept, and saved next. A
 * draft the server refuses stays on the page, with its problems, until fixed.
 */
export function useAutosavedDraft(groupId: string, initial: Doc) {
  const [doc, setDoc] = useState<Doc>(initial);
  const [dirty, setDirty] = useState(false);
  const [problem, setProblem] = useState<ApiError | null>(null);
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  // The newest draft and whether it is unsaved, read by saves that outlive a render.
  const latest = useRef(initial);
  const unsaved = useRef(false);
  const revision = useRef(0);
  const running = useRef<Promise<boolean> | null>(null);

  const change = useCallback((path: string, value: unknown) => {
    const next = setAt(latest.current, path, value);
    latest.current = next;
    revision.current += 1;
    unsaved.current = true;
    setDoc(next);
    setDirty(true);
  }, []);

  const send = useCallback(async (): Promise<boolean> => {
    const sent = revision.current;
    setState({ kind: 'saving' });
    try {
      const saved = await api.put<TermsVersion>(termsApi(groupId, '/draft'), {
        document: withKeys(latest.current),
      });
      // Changes made while saving are newer than what came back: they stay, to be saved next.
      if (revision.current === sent) {
        latest.current = saved.document as unknown as Doc;
        unsaved.current = false;
        setDoc(latest.current);
        setDirty(false);
      }
      setProblem(null);
      setState({ kind: 'saved', at: new Date().toISOString() });
      return true;
    } catch (error) {
      const p = asProblem(error);
      const fields = Object.fromEntries(
        Object.entries(p.fields).map(([k, v]) => [k.replace(/^document\./, ''), v]),
      );
      setProblem(new ApiError(p.status, p.code, p.message, fields));
      setState(
        p.status === 422
          ? { kind: 'invalid', count: Math.max(1, Object.keys(fields).length) }
          : { kind: 'failed' },
      );
      return false;
    }
  }, [groupId]);

  /** Saves what is typed, if anything is unsaved; true once the draft on the server is it. */
  const save = useCallback(async (): Promise<boolean> => {
    while (running.current) await running.current;
    if (!unsaved.current) return true;
    const run = send();
    running.current = run;
    try {
      return await run;
    } finally {
      running.current = null;
    }
  }, [send]);

  useEffect(() => {
    if (!dirty) return;
    const timer = window.setTimeout(() => void save(), AUTOSAVE_AFTER_MS);
    return () => window.clearTimeout(timer);
  }, [doc, dirty, save]);

  return { doc, dirty, problem, state, change, save };
}
