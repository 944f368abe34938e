// `manyidu backup` of a live SQLite database, and `manyidu migrate-to` into an empty database of
// the engine under test (PostgreSQL in the PostgreSQL run, another SQLite file otherwise).
import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../server/db/connect.ts';
import { checkChains } from '../../server/db/chain-check.ts';
import { copyOrder, countRows, migratorTables } from '../../server/db/copy.ts';
import { createTokens, findSurveyBySlug } from '../../server/db/surveys.ts';
import { freshDatabaseUrl } from '../support/database.ts';
import { spawnServer } from '../support/process.ts';
import { runCli } from '../support/cli.ts';
import { satisfiedAnswers } from '../support/app.ts';
import { resultsOf } from '../../server/results/results.ts';
import { definitionAt } from '../../server/results/definitions.ts';

mkdirSync('test-artifacts', { recursive: true });
const dir = mkdtempSync(join(process.cwd(), 'test-artifacts', 'backup-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** An SQLite installation with responses in it, served by a real process while the test runs. */
async function liveSqlite(name: string) {
  const file = join(dir, `${name}.sqlite`);
  const server = await spawnServer({ DATABASE_URL: file });
  const post = (body: unknown) =>
    fetch(`${server.url}/api/public/surveys/demo/responses`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { file, server, post };
}

describe('manyidu backup', () => {
  it('copies a database while it is being written, and checks the copy', async () => {
    const live = await liveSqlite('live');
    let stop = false;
    const writing = (async () => {
      let n = 0;
      while (!stop) if ((await live.post({ id: randomUUID(), answers: satisfiedAnswers() })).status === 201) n++;
      return n;
    })();
    await new Promise((r) => setTimeout(r, 300));
    const copy = join(dir, 'copy.sqlite');
    const result = await runCli(['backup', copy], { DATABASE_URL: live.file });
    stop = true;
    const written = await writing;
    await live.server.stop();
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('integrity_check: ok');
    expect(result.stdout).toContain('all intact');
    const { db, close } = await openDatabase(copy);
    const inCopy = await countRows(db, 'responses');
    expect((await checkChains(db)).every((c) => !c.broken)).toBe(true);
    await close();
    expect(inCopy).toBeGreaterThan(0);
    expect(inCopy).toBeLessThanOrEqual(written);
    // A second backup to the same file is refused rather than overwriting it.
    expect((await runCli(['backup', copy], { DATABASE_URL: live.file })).code).toBe(2);
  });
});

describe('manyidu migrate-to', () => {
  it('copies every table into an empty database, with the same counts and chain heads', async () => {
    const live = await liveSqlite('source');
    for (let i = 0; i < 30; i++) expect((await live.post({ id: randomUUID(), answers: satisfiedAnswers({ q3: (i % 5) + 1 }) })).status).toBe(201);
    await live.server.stop();
    const { db: source, close: closeSource } = await openDatabase(live.file);
    await createTokens(source, (await findSurveyBySlug(source, 'demo'))!.id, [{ token: 'left-unused', label: '某公司' }], new Date().toISOString());

    const target = await freshDatabaseUrl({ file: join(dir, 'target.sqlite') });
    const result = await runCli(['migrate-to', target], { DATABASE_URL: live.file });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('counts and chain heads agree');

    const { db: copy, close: closeCopy } = await openDatabase(target);
    try {
      for (const { table } of copyOrder) expect(await countRows(copy, table), table).toBe(await countRows(source, table));
      const heads = (await checkChains(copy)).map((c) => [c.surveyId, c.responses, c.head, c.broken]);
      expect(heads).toEqual((await checkChains(source)).map((c) => [c.surveyId, c.responses, c.head, c.broken]));
      const answers = async (db: typeof source) => (await db.selectFrom('responses').select('answers').orderBy('seq').execute()).map((r) => JSON.parse(r.answers).q3);
      expect(await answers(copy)).toEqual(await answers(source));
      // The rates, read from the counts kept on write, are the same on both sides.
      const results = async (db: typeof source) => {
        const survey = (await findSurveyBySlug(db, 'demo'))!;
        return resultsOf(db, survey, (await definitionAt(db, survey.id, survey.current_version))!, {});
      };
      const [before, after] = [await results(source), await results(copy)];
      expect(after.items.find((i) => i.id === 'q3')).toEqual(before.items.find((i) => i.id === 'q3'));
      expect(after.items.find((i) => i.id === 'q3')!.rate).toBe('40.00');
      expect(after.overall).toEqual(before.overall);
      expect(after.accounting).toEqual(before.accounting);
      // Moving into a database that already has data is refused, and changes nothing.
      const again = await runCli(['migrate-to', target], { DATABASE_URL: live.file });
      expect(again.code).toBe(1);
      expect(again.stderr).toContain('not empty');
      expect(await countRows(copy, 'responses')).toBe(30);
    } finally {
      await closeCopy();
      await closeSource();
    }
  });

  it('knows every table of the schema', async () => {
    const { db, close } = await openDatabase(await freshDatabaseUrl());
    const tables = (await db.introspection.getTables()).map((t) => t.name).filter((t) => !migratorTables.includes(t));
    await close();
    expect(copyOrder.map((t) => t.table).sort()).toEqual(tables.sort());
  });
});
