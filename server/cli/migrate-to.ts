// `manyidu migrate-to DATABASE_URL`: move an installation from its current database (DATABASE_URL
// in the environment, usually the SQLite file) into another, empty one (usually PostgreSQL),
// copying every table, then checking that counts and chain heads agree.
import { configFromEnv } from '../config.ts';
import { openDatabase } from '../db/connect.ts';
import { copyDatabase } from '../db/copy.ts';

export async function run(args: string[]): Promise<number> {
  const [targetUrl] = args;
  if (!targetUrl || args.length !== 1) {
    process.stderr.write('usage: DATABASE_URL=SOURCE manyidu migrate-to TARGET_DATABASE_URL   (the target must be empty)\n');
    return 2;
  }
  const { databaseUrl } = configFromEnv();
  if (databaseUrl === targetUrl) {
    process.stderr.write('the target is the source\n');
    return 2;
  }
  const source = await openDatabase(databaseUrl);
  const target = await openDatabase(targetUrl);
  try {
    process.stdout.write(`copying ${source.location} (${source.engine.name}) → ${target.location} (${target.engine.name})\n`);
    const report = await copyDatabase(source.db, target.db);
    for (const t of report.tables) process.stdout.write(`  ${t.table.padEnd(20)} ${String(t.source).padStart(9)} → ${String(t.target).padStart(9)}${t.source === t.target ? '' : '  MISMATCH'}\n`);
    for (const c of report.chains) process.stdout.write(`  chain ${c.surveyId}: ${c.responses} responses, head ${c.head.slice(0, 16)}… ${c.same ? 'same' : 'DIFFERENT'}\n`);
    process.stdout.write(report.ok ? 'done: counts and chain heads agree\n' : 'FAILED: the copy does not agree with the source\n');
    return report.ok ? 0 : 1;
  } catch (error) {
    process.stderr.write(`migrate-to failed, nothing was committed: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  } finally {
    await source.close();
    await target.close();
  }
}
