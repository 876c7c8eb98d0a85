import { useEffect, useRef, useState } from 'react';
import { useIntl } from 'react-intl';
import { useAnnounce } from '../../components/Announcer.tsx';
import { api, ApiError } from '../../lib/api.ts';
import { useFormState, type FormValues } from '../../lib/forms.ts';
import { notesApi, type CheckResult, type Flag, type NotesVersion, type NotView } from './types.ts';
import { useAction } from './useAction.ts';

export type NotesEditorOptions = {
  groupId: string;
  meetingId: string;
  /** The agenda items to write about, in order. */
  items: { id: string; title: string }[];
  current: NotesVersion | null;
  /** Approved notes change only by a correction, with its reason. */
  correction: boolean;
  /** After a save; `circulated` once they have gone to the group. */
  onSaved: (what: 'saved' | 'circulated' | 'corrected') => void;
};

/** What the note-taker has written, as it would be saved. */
type Draft = { summary: string; discussions: Record<string, string>; notViews: NotView[] };

/** A box of the notes: the summary, or the discussion of one agenda item. */
type Part = { name: string; title: string; label: string; itemId: string | null };

type Blocked = { message: string; lines: string[] };

/** Circulation refused because views are still attributed: the API says so by its reason. */
function isBlockedByViews(error: unknown): error is ApiError {
  return error instanceof ApiError && error.reason === 'notes.attributedViews';
}

/** The field name of the summary box in the notes form. */
const SUMMARY = 'content.summary';

/** How long typing pauses before the box being written in is checked. */
const CHECK_AFTER_MS = 800;

/** A flag in words that survive a check again: a dismissed one stays out of sight. */
function flagKey(flag: Flag): string {
  return `${flag.where}\u0000${flag.text}\u0000${flag.sentence}`;
}

/** Flags that hold circulation back: views attributed, neither reworded nor kept with a reason. */
export function outstandingFlags(flags: readonly Flag[]): Flag[] {
  return flags.filter((f) => f.level === 'attributes' && !f.markedNotAView);
}

/**
 * The state of the notes editor: what the note-taker has written, what the
 * check found (checked again as they type, box by box) and what they kept as
 * written with a reason, and why circulation was refused; with the saves,
 * checks and circulation that change it. The editor component only renders it.
 */
export function useNotesEditor({
  groupId,
  meetingId,
  items,
  current,
  correction,
  onSaved,
}: NotesEditorOptions) {
  const intl = useIntl();
  const announce = useAnnounce();
  const form = useFormState();
  const action = useAction();
  const [summary, setSummary] = useState(current?.content.summary ?? '');
  const [discussions, setDiscussions] = useState<Record<string, string>>(() =>
    Object.fromEntries((current?.content.items ?? []).map((i) => [i.itemId, i.discussion])),
  );
  const [notViews, setNotViews] = useState<NotView[]>(() =>
    (current?.notViews ?? []).map(({ text, reason }) => ({ text, reason })),
  );
  const [flags, setFlags] = useState<Flag[] | null>(null);
  const [checks, setChecks] = useState(0);
  const [blocked, setBlocked] = useState<Blocked | null>(null);
  /** The flag whose reason to keep it is being asked for (its key). */
  const [askingWhy, setAskingWhy] = useState<string | null>(null);
  const [dismissed, setDismissed] = useState<ReadonlySet<string>>(() => new Set());
  /** The box typed in last (its name), checked once typing pauses. */
  const [typedName, setTypedName] = useState<string | null>(null);
  const results = useRef<HTMLHeadingElement>(null);
  const blockedBox = useRef<HTMLDivElement>(null);

  const parts: Part[] = [
    // The title is the server's name for the part (its check says "Summary: …"); the label is shown.
    {
      name: SUMMARY,
      title: 'Summary',
      label: intl.formatMessage({ id: 'notes.editor.summary', defaultMessage: 'Summary' }),
      itemId: null,
    },
    ...items.map((item, index) => ({
      name: `content.items.${index}.discussion`,
      title: item.title,
      label: `${index + 1}. ${item.title}`,
      itemId: item.id,
    })),
  ];
  const labels: Record<string, string> = Object.fromEntries(parts.map((p) => [p.name, p.label]));
  labels.correctionReason = intl.formatMessage({
    id: 'notes.editor.correctionReason',
    defaultMessage: 'Why do these notes need correcting?',
  });

  useEffect(() => {
    if (checks > 0) results.current?.focus();
  }, [checks]);

  useEffect(() => {
    if (blocked) blockedBox.current?.focus();
  }, [blocked]);

  const draft: Draft = { summary, discussions, notViews };
  const latest = useRef(draft);
  latest.current = draft;
  const flagsNow = useRef(flags);
  flagsNow.current = flags;
  const typedIn = parts.find((p) => p.name === typedName) ?? null;
  const typedText = typedIn ? textOf(typedIn) : null;

  // While they type: the box is checked as it stands, without saving it, and its flags replace
  // the ones it had. Focus stays in the box; a change in what holds the notes back is announced.
  useEffect(() => {
    if (!typedIn || typedText === null) return;
    let stale = false;
    const timer = window.setTimeout(() => {
      api
        .post<CheckResult>(notesApi(groupId, meetingId, '/check'), { text: typedText })
        .then((result) => {
          if (stale || textOf(typedIn, latest.current) !== typedText) return;
          const kept = latest.current.notViews;
          const found = result.flags.map((f) => ({
            ...f,
            where: typedIn.title,
            markedNotAView: kept.some((n) => n.text === f.sentence),
          }));
          const before = flagsNow.current;
          const others = (before ?? []).filter((f) => f.where !== typedIn.title);
          const next = inPartOrder([...others, ...found]);
          if (before === null && next.length === 0) return;
          setFlags(next);
          const now = outstandingFlags(next).length;
          if (now !== outstandingFlags(before ?? []).length) announce(foundMessage(now));
        })
        .catch(() => {
          // Checking as they type is a help, not a step: "Check" and "Circulate" check anyway.
        });
    }, CHECK_AFTER_MS);
    return () => {
      stale = true;
      window.clearTimeout(timer);
    };
    // Checked again when the typed box or its text changes, and only then (the helpers it calls
    // are made afresh each render and would restart the pause on every keystroke).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [groupId, meetingId, typedName, typedText]);

  /** Flags in the order of the boxes they were found in. */
  function inPartOrder(list: Flag[]): Flag[] {
    const order = new Map(parts.map((p, i) => [p.title, i]));
    return list
      .map((flag, i) => ({ flag, i }))
      .sort((a, b) => (order.get(a.flag.where) ?? 0) - (order.get(b.flag.where) ?? 0) || a.i - b.i)
      .map(({ flag }) => flag);
  }

  function foundMessage(count: number): string {
    return count === 0
      ? intl.formatMessage({
          id: 'notes.editor.checkClear',
          defaultMessage: 'No views are attributed to anyone.',
        })
      : intl.formatMessage(
          {
            id: 'notes.editor.checkFound',
            defaultMessage:
              '{count, plural, one {# sentence attributes a view to someone.} other {# sentences attribute a view to someone.}}',
          },
          { count },
        );
  }

  function textOf(part: Part, of: Draft = draft): string {
    return part.itemId === null ? of.summary : (of.discussions[part.itemId] ?? '');
  }

  function withText(part: Part, text: string, of: Draft = draft): Draft {
    return part.itemId === null
      ? { ...of, summary: text }
      : { ...of, discussions: { ...of.discussions, [part.itemId]: text } };
  }

  /** The note-taker typed in a box. */
  function edit(part: Part, text: string) {
    keep(withText(part, text));
    setTypedName(part.name);
  }

  function keep(next: Draft) {
    setSummary(next.summary);
    setDiscussions(next.discussions);
    setNotViews(next.notViews);
  }

  async function save(next: Draft, correctionReason?: string) {
    await api.put(notesApi(groupId, meetingId), {
      content: {
        summary: next.summary,
        items: items.map((item) => ({
          itemId: item.id,
          discussion: next.discussions[item.id] ?? '',
        })),
      },
      notViews: next.notViews,
      ...(correctionReason ? { correctionReason } : {}),
    });
  }

  async function check(next: Draft) {
    await save(next);
    const result = await api.post<CheckResult>(notesApi(groupId, meetingId, '/check'), {});
    setFlags(result.flags);
    setAskingWhy(null);
    setChecks((n) => n + 1);
    if (result.outstanding === 0) setBlocked(null);
    announce(foundMessage(result.outstanding));
  }

  async function saveDraft(values: FormValues) {
    if (correction) {
      const reason = values.correctionReason?.trim() ?? '';
      if (!reason) {
        throw new ApiError(
          422,
          'validation_failed',
          intl.formatMessage({
            id: 'notes.editor.reasonNeeded',
            defaultMessage: 'Say why these notes need correcting.',
          }),
          {
            correctionReason: intl.formatMessage({
              id: 'notes.editor.required',
              defaultMessage: 'is required',
            }),
          },
        );
      }
      await save(draft, reason);
      announce(
        intl.formatMessage({
          id: 'notes.editor.correctionSaved',
          defaultMessage: 'The correction is saved as a new draft.',
        }),
      );
      onSaved('corrected');
      return;
    }
    await save(draft);
    announce(
      intl.formatMessage({ id: 'notes.editor.draftSaved', defaultMessage: 'The draft is saved.' }),
    );
    onSaved('saved');
  }

  function runCheck() {
    action.run(
      () => check(draft),
      () => onSaved('saved'),
    );
  }

  /** Saves, then circulates; if views are still attributed, lists them and checks again. */
  function circulate() {
    action.run(
      async () => {
        await save(draft);
        try {
          await api.post(notesApi(groupId, meetingId, '/circulate'), {});
        } catch (error) {
          if (!isBlockedByViews(error)) throw error;
          await check(draft);
          setBlocked({ message: error.message, lines: Object.values(error.fields) });
          throw new BlockedAlready(error);
        }
        announce(
          intl.formatMessage({
            id: 'notes.editor.circulated',
            defaultMessage: 'The notes are circulated to the group for comments.',
          }),
        );
      },
      () => onSaved('circulated'),
      (error) => error instanceof BlockedAlready,
    );
  }
  /** The box a flag was found in: the one its `where` names, holding its sentence. */
  function partOf(flag: Flag): Part | undefined {
    const holding = parts.filter((p) => textOf(p).includes(flag.sentence));
    return holding.find((p) => p.title === flag.where) ?? holding[0];
  }

  /**
   * The box a line of the "cannot circulate" list is about: it starts with its
   * title, or with the summary's name in the reader's language.
   */
  function partOfLine(line: string): Part | undefined {
    return parts
      .filter((p) => line.startsWith(`${p.title}: `) || line.startsWith(`${p.label}: `))
      .sort((a, b) => b.title.length - a.title.length)[0];
  }

  function applyWording(flag: Flag) {
    const part = partOf(flag);
    if (!part) {
      action.run(async () => {
        throw new ApiError(
          0,
          'stale',
          intl.formatMessage({
            id: 'notes.editor.stale',
            defaultMessage: 'That sentence has changed since the check. Check the notes again.',
          }),
        );
      });
      return;
    }
    const next = withText(part, textOf(part).replace(flag.sentence, flag.suggestion));
    keep(next);
    action.run(
      () => check(next),
      () => onSaved('saved'),
    );
  }

  /** Keeps an attributed sentence as written, with the reason whoever approves the notes reads. */
  function keepWithReason(flag: Flag, reason: string) {
    const next = { ...draft, notViews: [...notViews, { text: flag.sentence, reason }] };
    keep(next);
    action.run(
      () => check(next),
      () => onSaved('saved'),
    );
  }

  function unmark(index: number) {
    const next = { ...draft, notViews: notViews.filter((_, i) => i !== index) };
    keep(next);
    action.run(
      () => check(next),
      () => onSaved('saved'),
    );
  }

  /** A flag that only may point to someone, put out of sight until its sentence changes. */
  function dismiss(flag: Flag) {
    setDismissed((before) => new Set(before).add(flagKey(flag)));
    setAskingWhy(null);
    results.current?.focus();
  }

  const shown =
    flags?.filter((f) => f.level === 'attributes' || !dismissed.has(flagKey(f))) ?? null;
  const outstanding = outstandingFlags(flags ?? []);
  /** The reason a flag was kept as written, if it was. */
  const keptBecause = (flag: Flag) =>
    notViews.find((n) => n.text === flag.sentence)?.reason ?? null;

  return {
    form,
    action,
    parts,
    labels,
    textOf,
    edit,
    saveDraft,
    runCheck,
    circulate,
    blocked,
    blockedBox,
    partOfLine,
    flags: shown,
    outstanding,
    keptBecause,
    dismiss,
    results,
    askingWhy: (flag: Flag) => askingWhy === flagKey(flag),
    askWhy: (flag: Flag) => setAskingWhy(flagKey(flag)),
    cancelWhy: () => setAskingWhy(null),
    applyWording,
    keepWithReason,
    notViews,
    unmark,
  };
}

/** Thrown once the "cannot circulate" list is on screen, so no other message repeats it. */
class BlockedAlready extends ApiError {
  constructor(blocked: ApiError) {
    super(blocked.status, blocked.code, blocked.message, {}, blocked.reason);
  }
}
