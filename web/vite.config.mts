import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/**
 * The planning office's dashboard (docs/web.md). Built into dist/web, which the API server serves at `/`.
 * Charts and the spreadsheet writer are loaded on demand (dynamic imports), so the first load stays small.
 */
export default defineConfig({
  root: path.dirname(fileURLToPath(import.meta.url)),
  base: '/',
  publicDir: 'public',
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
    assetsDir: 'assets',
    sourcemap: false,
    target: 'es2022',
    chunkSizeWarningLimit: 1200,
  },
  oxc: { jsx: { runtime: 'automatic' } },
  server: { proxy: { '/graphql': 'http://127.0.0.1:4000', '/batches': 'http://127.0.0.1:4000' } },
});
