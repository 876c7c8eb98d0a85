import { z } from 'zod';
import { ERROR_STATUS, type ErrorCode } from '../../src/server/errors.ts';
import type { Answer, Called } from '../harness.ts';

const codes = Object.keys(ERROR_STATUS) as [ErrorCode, ...ErrorCode[]];

/**
 * The one error shape, strictly: no other keys, a known code, a message, a
 * stable reason ("notes.attributedViews"), fields as text.
 */
export const errorShape = z.strictObject({
  error: z.strictObject({
    code: z.enum(codes),
    message: z.string().min(1),
    reason: z.string().regex(/^[a-z][A-Za-z0-9]*(\.[A-Za-z0-9]+)+$/),
    // A field is named as the client sent it, even "" (an unknown key with no name).
    fields: z.record(z.string(), z.string().min(1)).optional(),
  }),
});
export type ErrorShape = z.infer<typeof errorShape>;

/**
 * What is wrong with an answer that should be an error in the one shape; an
 * empty list when nothing is. The status must be the one the code maps to.
 */
export function errorProblems(answer: Answer): string[] {
  const problems: string[] = [];
  const type = answer.headers.get('content-type') ?? '';
  if (!type.startsWith('application/json')) problems.push(`content-type is "${type}"`);
  let body: unknown;
  try {
    body = JSON.parse(answer.text);
  } catch {
    return [...problems, `body is not JSON: ${answer.text.slice(0, 120)}`];
  }
  const parsed = errorShape.safeParse(body);
  if (!parsed.success) {
    return [...problems, `body is not the error shape: ${answer.text.slice(0, 200)}`];
  }
  const expected = ERROR_STATUS[parsed.data.error.code];
  if (expected !== answer.status) {
    problems.push(`code ${parsed.data.error.code} came with ${answer.status}, not ${expected}`);
  }
  return problems;
}

/** Asserts an answer is an error in the one shape, and returns its body. */
export function expectError(
  answer: Answer,
  expected: { status: number; code?: ErrorCode; field?: string },
): ErrorShape['error'] {
  const problems = errorProblems(answer);
  if (problems.length > 0) {
    throw new Error(`not an error in the one shape (${answer.status}): ${problems.join('; ')}`);
  }
  const { error } = answer.body as ErrorShape;
  if (answer.status !== expected.status) {
    throw new Error(`expected ${expected.status}, got ${answer.status}: ${answer.text}`);
  }
  if (expected.code && error.code !== expected.code) {
    throw new Error(`expected code ${expected.code}, got ${error.code}: ${answer.text}`);
  }
  if (expected.field && !(expected.field in (error.fields ?? {}))) {
    throw new Error(`expected fields to name "${expected.field}": ${answer.text}`);
  }
  return error;
}

/**
 * Asserts a call succeeded with `status`, and returns its body, typed as the
 * operation's success answer.
 */
export function expectSuccess<T>(answer: Called<T>, status: number): T {
  if (!answer.ok || answer.status !== status) {
    throw new Error(`expected ${status}, got ${answer.status}: ${answer.text}`);
  }
  return answer.body;
}
