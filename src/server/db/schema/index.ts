export * from './accounts.ts';
export * from './groups.ts';
export * from './platform.ts';
export * from './terms.ts';
export * from './meetings.ts';
export * from './decisions.ts';
export * from './notes.ts';
export * from './releases.ts';
