#!/usr/bin/env node
// The `accord` command: runs the compiled server in dist/server with plain Node,
// compiling it first when it is missing or older than its sources
// (docs/decisions/0012-production-runs-compiled-javascript.md).
import { ensureServerBuilt } from '../scripts/build-server.js';
import { pathToFileURL } from 'node:url';

await import(pathToFileURL(await ensureServerBuilt()).href);
