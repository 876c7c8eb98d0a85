/** Types of scripts/build-server.js, for the tests that use it. */
export const serverEntry: string;
export function serverBuildIsStale(): boolean;
export function buildServer(): Promise<number>;
export function ensureServerBuilt(): Promise<string>;
