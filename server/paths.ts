// Where the installation is: the folder of manyidu's package.json, found by walking up from this
// module. The same answer whether it runs from source (server/) or compiled (dist/server/…).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function findRoot(from: string): string {
  for (let dir = dirname(fileURLToPath(from)); ; dir = dirname(dir)) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg) && (JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'manyidu') return dir;
    if (dirname(dir) === dir) throw new Error('cannot find the manyidu package.json above ' + from);
  }
}

export const packageRoot = findRoot(import.meta.url);

/** Whether this code runs compiled (dist/server) rather than as TypeScript through tsx. */
export const compiled = import.meta.url.endsWith('.js');
