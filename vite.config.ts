import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = path.dirname(fileURLToPath(import.meta.url));

/**
 * The web app lives in src/web and is built to dist/web, which the server
 * serves. The server's CSP allows no inline scripts or styles, so the build
 * must emit every script and stylesheet as a file.
 */
export default defineConfig({
  root: path.join(here, 'src/web'),
  plugins: [react()],
  build: {
    outDir: path.join(here, 'dist/web'),
    emptyOutDir: true,
    // Never inline assets as data: URIs into CSS or JS; keep everything a plain file.
    assetsInlineLimit: 0,
    sourcemap: false,
    rollupOptions: {
      output: {
        // Libraries change far less often than the app: their own files stay cached longer.
        manualChunks(id) {
          if (/node_modules[\\/](react|react-dom|scheduler)[\\/]/.test(id)) return 'react';
          if (/node_modules[\\/]zod[\\/]/.test(id)) return 'zod';
          if (/node_modules[\\/]@tanstack[\\/]/.test(id)) return 'tanstack';
          if (/node_modules[\\/](react-intl|@formatjs|intl-messageformat)[\\/]/.test(id)) {
            return 'intl';
          }
          return undefined;
        },
      },
    },
  },
  server: {
    // `npm run dev` serves the API on 3000; the Vite dev server forwards to it.
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
});
