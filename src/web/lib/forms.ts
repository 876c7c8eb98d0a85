import { useState, type FormEvent } from 'react';
import type { z } from 'zod';
import { ApiError } from './api.ts';

export type FormValues = Record<string, string>;

/** Checks values against a contract schema before sending, in the same words the server uses. */
export function validate<S extends z.ZodType>(schema: S, values: unknown): z.output<S> {
  const result = schema.safeParse(values);
  if (result.success) return result.data;
  const given = (values ?? {}) as Record<string, unknown>;
  const fields: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const name = issue.path.join('.') || 'form';
    // The value the issue is about, found along its path (knownAs.1 is the second name).
    const value = issue.path.reduce<unknown>(
      (at, key) =>
        at !== null && typeof at === 'object'
          ? (at as Record<PropertyKey, unknown>)[key]
          : undefined,
      given,
    );
    // An empty box needs filling in, whatever else the rule says about what goes in it.
    const empty = value === undefined || (typeof value === 'string' && value.trim() === '');
    fields[name] ??= empty ? 'is required' : issue.message;
  }
  throw new ApiError(422, 'validation_failed', 'Some details need fixing.', fields);
}

/** Leaves out optional fields left empty, so the server applies its defaults. */
export function withoutEmpty(values: FormValues): FormValues {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value.trim() !== ''));
}

export type FormState = {
  problem: ApiError | null;
  busy: boolean;
  onSubmit: (
    action: (values: FormValues, form: HTMLFormElement) => Promise<void>,
  ) => (event: FormEvent<HTMLFormElement>) => void;
};

function asProblem(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  return new ApiError(0, 'unexpected', 'Something went wrong. Please try again.');
}

/** Runs a form's action once at a time and keeps the problem to show if it fails. */
export function useFormState(): FormState {
  const [problem, setProblem] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  const onSubmit: FormState['onSubmit'] = (action) => (event) => {
    event.preventDefault();
    if (busy) return;
    const form = event.currentTarget;
    const values: FormValues = {};
    for (const [name, value] of new FormData(form)) {
      if (typeof value === 'string') values[name] = value;
    }
    setBusy(true);
    action(values, form).then(
      () => {
        setProblem(null);
        setBusy(false);
      },
      (error: unknown) => {
        setProblem(asProblem(error));
        setBusy(false);
      },
    );
  };

  return { problem, busy, onSubmit };
}
