// `manyidu backup FILE`: a consistent copy of the live SQLite database (SQLite's online backup, safe
// while the server writes), then checked: integrity_check, row counts, every hash chain.
import { existsSync } from 'node:fs';
import SQLite from 'better-sqlite3';
import { configFromEnv } from '../config.ts';
import { isPostgresUrl, openDatabase } from '../db/connect.ts';
import { checkChains } from '../db/chain-check.ts';
import { copyOrder, countRows } from '../db/copy.ts';

export async function run(args: string[]): Promise<number> {
  const [file] = args;
  if (!file || args.length !== 1) {
    process.stderr.write('usage: manyidu backup FILE   (copies the SQLite database of DATABASE_URL)\n');
    return 2;
  }
  const { databaseUrl } = configFromEnv();
  if (isPostgresUrl(databaseUrl)) {
    process.stderr.write('DATABASE_URL is PostgreSQL: back it up with pg_dump (see README, Deployment)\n');
    return 2;
  }
  if (!existsSync(databaseUrl)) {
    process.stderr.write(`no database at ${databaseUrl}\n`);
    return 2;
  }
  if (existsSync(file)) {
    process.stderr.write(`${file} exists already: choose a new file\n`);
    return 2;
  }
  const live = new SQLite(databaseUrl, { readonly: true, fileMustExist: true });
  try {
    await live.backup(file);
  } finally {
    live.close();
  }
  return (await verifyCopy(file)) ? 0 : 1;
}

async function verifyCopy(file: string): Promise<boolean> {
  const copy = new SQLite(file, { readonly: true });
  const integrity = copy.pragma('integrity_check', { simple: true });
  copy.close();
  const { db, close } = await openDatabase(file);
  try {
    const lines = [`backup written to ${file}`, `integrity_check: ${String(integrity)}`];
    for (const { table } of copyOrder) lines.push(`${table}: ${await countRows(db, table)} rows`);
    const chains = await checkChains(db);
    const broken = chains.filter((c) => c.broken);
    lines.push(`hash chains: ${chains.length} surveys, ${chains.reduce((n, c) => n + c.responses, 0)} responses, ${broken.length ? `BROKEN: ${broken.map((c) => `${c.surveyId}: ${c.broken}`).join('; ')}` : 'all intact'}`);
    process.stdout.write(lines.join('\n') + '\n');
    return integrity === 'ok' && broken.length === 0;
  } finally {
    await close();
  }
}
