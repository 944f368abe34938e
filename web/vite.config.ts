import { fileURLToPath } from 'node:url';
import { build, defineConfig, type InlineConfig, type Plugin } from 'vite';

// Builds the respondent page's script and stylesheet into dist/web/, with a manifest the server
// reads to link them (web/assets.ts). The server renders the HTML, so there is no index.html.
const root = fileURLToPath(new URL('..', import.meta.url));

/** What both bundles share: the JSX runtime, the output folder, no preload polyfill. */
function shared(input: string, manifest: string | true, emptyOutDir: boolean, output: object = {}): InlineConfig {
  return {
    root,
    base: '/',
    publicDir: false,
    // JSX comes from tsconfig (react-jsx, preact); stated here too so the build does not depend on
    // how a Vite version reads tsconfig.
    oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
    build: {
      outDir: 'dist/web',
      emptyOutDir,
      manifest,
      // Phones inside WeChat and other in-app browsers lag behind; syntax from 2020 is safe there.
      target: 'es2020',
      // One entry, no shared chunks to preload: the polyfill would be dead weight on every page.
      modulePreload: false,
      rollupOptions: { input, output },
    },
  };
}

/**
 * The evaluator app (web/app/) is a second, separate build into the same folder with its own
 * manifest. One build with two inputs would move Preact and the question components both use
 * into a shared chunk, and the respondent page would then load an extra file on a weak network.
 */
function evaluatorApp(): Plugin {
  return {
    name: 'manyidu-evaluator-app',
    apply: 'build',
    async closeBundle() {
      // Named app-… so a look at dist/web/assets tells the two apart.
      const output = { entryFileNames: 'assets/app-[hash].js', chunkFileNames: 'assets/app-[name]-[hash].js', assetFileNames: 'assets/app-[hash][extname]' };
      await build({ ...shared('web/app/entry.tsx', '.vite/app-manifest.json', false, output), configFile: false, logLevel: 'warn' });
    },
  };
}

export default defineConfig({
  ...shared('web/respondent/entry.tsx', true, true),
  plugins: [evaluatorApp()],
});
