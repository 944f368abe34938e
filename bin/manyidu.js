#!/usr/bin/env node
// The one command. It runs the compiled server (dist/server, made by `npm run build`, which
// `npm start` runs first) when that is at least as new as every source file; otherwise the
// TypeScript sources through tsx, so an edit is never shadowed by an old build.
// MANYIDU_FROM_SOURCE=1 always takes the sources.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const compiled = join(root, 'dist', 'server', 'cli', 'main.js');

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (/\.(ts|tsx|mjs|json)$/.test(entry.name)) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

function compiledIsCurrent() {
  if (process.env.MANYIDU_FROM_SOURCE === '1' || !existsSync(compiled)) return false;
  const built = statSync(compiled).mtimeMs;
  const sources = ['server', 'surveys', 'scoring', join('web', 'respondent')].map((dir) => newestSource(join(root, dir)));
  return Math.max(...sources, statSync(join(root, 'web', 'assets.ts')).mtimeMs) <= built;
}

let main;
if (compiledIsCurrent()) {
  ({ main } = await import(pathToFileURL(compiled).href));
} else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../server/cli/main.ts'));
}
process.exitCode = await main(process.argv.slice(2));
