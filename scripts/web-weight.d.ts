/** Types of scripts/web-weight.js, for the tests that use it. */
export type FileWeight = { file: string; raw: number; gzip: number; br: number };
export type Manifest = Record<string, { file: string; imports?: string[] }>;
export const SIGN_IN_PAGE: string;
export function fileWeight(distDir: string, file: string): FileWeight;
export function readManifest(distDir: string): Manifest;
export function staticGraph(manifest: Manifest, keys: string[]): string[];
export function signInWeight(distDir: string): {
  files: FileWeight[];
  total: { raw: number; gzip: number; br: number };
};
