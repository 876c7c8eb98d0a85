// The meeting module's repositories under one name, for use cases that span them.
export * from './meetings.repository.ts';
export * from './agenda.repository.ts';
export * from './attendance.repository.ts';
