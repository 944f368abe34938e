import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// Builds the respondent page's script and stylesheet into dist/web/, with a manifest the server
// reads to link them (web/assets.ts). The server renders the HTML, so there is no index.html.
const root = fileURLToPath(new URL('..', import.meta.url));

export default defineConfig({
  root,
  base: '/',
  publicDir: false,
  // JSX comes from tsconfig (react-jsx, preact); stated here too so the build does not depend on
  // how a Vite version reads tsconfig.
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir: 'dist/web',
    emptyOutDir: true,
    manifest: true,
    // Phones inside WeChat and other in-app browsers lag behind; syntax from 2020 is safe there.
    target: 'es2020',
    // One entry, no shared chunks to preload: the polyfill would be dead weight on every page.
    modulePreload: false,
    rollupOptions: { input: 'web/respondent/entry.tsx' },
  },
});
