import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/**
 * Serves the built React app; any other page path gets index.html (client-side
 * routes). The build writes a brotli and a gzip copy beside each asset: a
 * browser gets the best one its Accept-Encoding allows (else the plain file),
 * with `Vary: Accept-Encoding` and the plain file's content type.
 */
export async function registerWeb(app: FastifyInstance, distDir: string) {
  const index = path.join(distDir, 'index.html');
  if (!fs.existsSync(index)) {
    app.log.warn({ distDir }, 'the web app is not built: run npm run build:web');
    return;
  }
  await app.register(fastifyStatic, {
    root: distDir,
    wildcard: false,
    index: false,
    preCompressed: true,
    // The .br and .gz copies are sent only in place of their file, never asked for by name.
    allowedPath: (pathname) => !/\.(br|gz)$/.test(pathname),
    maxAge: '1h',
    // `file` is the one sent: for a compressed copy, its .br or .gz.
    setHeaders(reply, file) {
      if (file.includes(`${path.sep}assets${path.sep}`)) {
        reply.header('cache-control', 'public, max-age=31536000, immutable');
      }
    },
  });
  const html = fs.readFileSync(index);
  app.get('/*', { schema: { hide: true } }, async (request, reply) => {
    const pathname = request.url.split('?')[0] ?? '/';
    if (pathname.startsWith('/api/') || path.extname(pathname)) {
      return reply.callNotFound();
    }
    return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(html);
  });
}
