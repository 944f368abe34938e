// `npm run build` (after the web build): compiles the server to dist/server/ with esbuild, so
// `npm start` runs plain JavaScript — no TypeScript loader threads in the process, half the
// memory of running the sources through tsx. Packages stay in node_modules; the write thread
// gets a bundle of its own.
import { build } from 'esbuild';

await build({
  entryPoints: { 'cli/main': 'server/cli/main.ts', 'db/sqlite-write-thread': 'server/db/sqlite-write-thread.ts' },
  outdir: 'dist/server',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  jsx: 'automatic',
  jsxImportSource: 'preact',
  logLevel: 'warning',
});
