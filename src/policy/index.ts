/**
 * The Terms of Reference as executable policy: pure functions, no I/O. Every
 * rule the rest of Accord keeps is read from a ToR through these.
 */
export * from './terms.ts';
export * from './validate.ts';
export * from './template.ts';
export * from './seed-clauses.ts';
export * from './render.ts';
export * from './words.ts';
export * from './time.ts';
export * from './membership.ts';
export * from './cadence.ts';
export * from './meeting-phase.ts';
export * from './papers-due.ts';
export * from './remit.ts';
export * from './decisions.ts';
export * from './review.ts';
export * from './adoption.ts';
export * from './surveys.ts';
export * from './requests.ts';
export * from './diff.ts';
export * from './easy-read.ts';
