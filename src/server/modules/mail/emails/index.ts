export * from './accounts.ts';
export * from './compose.ts';
export * from './groups.ts';
export * from './meetings.ts';
