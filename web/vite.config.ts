// Builds web/ into dist/web, which the server serves (server/http/plugins/web.ts). `npm run
// dev:web` serves web/ with hot reload and sends API paths to a server on :3000.
import path from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { precompress } from './tools/precompress.js';

const API = 'http://127.0.0.1:3000';

export default defineConfig({
  root: import.meta.dirname,
  base: '/',
  plugins: [react(), precompress()],
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    // Never inline assets as data: URLs into scripts or styles; files cache better.
    assetsInlineLimit: 0,
    // Two pages: the app, and public.html for visitors of public views (src/public/), which shares
    // no code of the app's beyond React, so a visitor never downloads the signed-in screens.
    rollupOptions: {
      input: { main: path.join(import.meta.dirname, 'index.html'), public: path.join(import.meta.dirname, 'public.html') },
    },
  },
  server: {
    proxy: { '/api': API, '/v1': API, '/k': API, '/healthz': API },
  },
});
