import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * The web console, built into dist/console/ and served by the gateway at `/`. Everything the page
 * needs is in the bundle (no CDN, no web font): it works in a network without internet.
 */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../dist/console', import.meta.url)),
    emptyOutDir: true,
    assetsDir: 'assets',
    target: 'es2022',
    // One script and one stylesheet for the first load: the views are small, the page is one request deep.
    modulePreload: false,
    chunkSizeWarningLimit: 600,
  },
  server: {
    // `npx vite console` for work on the console: API calls go to a gateway started with `npm start`.
    proxy: { '/graphql': { target: 'http://127.0.0.1:4000', ws: true } },
  },
});
