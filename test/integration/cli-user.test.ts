// `manyidu user add` as an operator runs it: a real process on a database file (or a fresh
// PostgreSQL database), the password on standard input, never on the command line.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.ts';
import { createContext } from '../../server/runtime.ts';
import { freshDatabaseUrl } from '../support/database.ts';
import { Browser } from '../support/session.ts';

const bin = fileURLToPath(new URL('../../bin/manyidu.js', import.meta.url));
let dir: string;
let databaseUrl: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'manyidu-cli-'));
  databaseUrl = await freshDatabaseUrl({ file: join(dir, 'manyidu.sqlite') });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function cli(args: string[], stdin: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], { env: { ...process.env, DATABASE_URL: databaseUrl }, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

async function login(username: string, password: string) {
  const { ctx } = await createContext({ databaseUrl, demo: false, dist: null });
  try {
    const res = await new Browser(createApp(ctx)).post('/api/auth/login', { username, password });
    return { status: res.status, user: res.status === 200 ? ((await res.json()) as { user: { role: string } }).user : null };
  } finally {
    await ctx.db.close();
  }
}

describe('manyidu user add', () => {
  it('adds an evaluator with the password from stdin, and an admin with --admin', async () => {
    const added = await cli(['user', 'add', 'LiSi'], 'li si password 1\n');
    expect(added).toMatchObject({ code: 0, stdout: 'added evaluator lisi\n' });
    const admin = await cli(['user', 'add', 'chief', '--admin'], 'chief password 9\n');
    expect(admin.code).toBe(0);
    expect(await login('lisi', 'li si password 1')).toEqual({ status: 200, user: expect.objectContaining({ username: 'lisi', role: 'evaluator' }) });
    expect((await login('chief', 'chief password 9')).user).toMatchObject({ role: 'admin' });
    expect((await login('lisi', 'li si password 2')).status).toBe(401);
  }, 60_000);

  it('refuses an existing user, a short password and bad usage, changing nothing', async () => {
    const again = await cli(['user', 'add', 'lisi'], 'another password 1\n');
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('already exists');
    expect((await login('lisi', 'li si password 1')).status).toBe(200);
    const short = await cli(['user', 'add', 'wangwu'], 'short\n');
    expect(short.code).toBe(2);
    expect(short.stderr).toContain('password');
    const argv = await cli(['user', 'add', 'wangwu', 'wangwu password 1'], '');
    expect(argv.code).toBe(2);
    expect(argv.stderr).toContain('usage');
    expect((await login('wangwu', 'wangwu password 1')).status).toBe(401);
  }, 60_000);
});
