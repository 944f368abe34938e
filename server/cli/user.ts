// `manyidu user add USERNAME [--admin]`: adds an evaluator (or an admin) to the database named by
// DATABASE_URL. The password is read from standard input, or asked for twice without echo on a
// terminal, never taken from the command line, where `ps` and shell history would keep it.
import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { configFromEnv } from '../config.ts';
import { openDatabase } from '../db/connect.ts';
import { createUser, findUserByUsername } from '../db/users.ts';
import { hashPassword } from '../auth/passwords.ts';
import { newPasswordSchema, usernameSchema } from '../auth/credentials.ts';

const usage = `usage: manyidu user add USERNAME [--admin]
  The password is read from standard input (first line), or asked for on a terminal.
  DATABASE_URL names the database, as for manyidu serve.`;

function fail(message: string, code = 2): number {
  process.stderr.write(`${message}\n`);
  return code;
}

export async function run(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === '--help' || sub === '-h') {
    process.stdout.write(`${usage}\n`);
    return 0;
  }
  const admin = rest.includes('--admin');
  const unknown = rest.filter((a) => a.startsWith('-') && a !== '--admin');
  const positional = rest.filter((a) => !a.startsWith('-'));
  if (sub !== 'add' || unknown.length > 0 || positional.length !== 1) {
    return fail([...unknown.map((a) => `unknown option: ${a}`), usage].join('\n'));
  }
  const username = usernameSchema.safeParse(positional[0]);
  if (!username.success) return fail(`username: ${username.error.issues[0]?.message}`);

  const password = process.stdin.isTTY ? await promptTwice() : await firstLine(process.stdin);
  if (password === null) return fail('the passwords do not match');
  const checked = newPasswordSchema.safeParse(password);
  if (!checked.success) return fail(`password: ${checked.error.issues[0]?.message}`);

  const db = await openDatabase(configFromEnv().databaseUrl);
  try {
    if (await findUserByUsername(db.db, username.data)) return fail(`user ${username.data} already exists`, 1);
    await createUser(db.db, { username: username.data, passwordHash: await hashPassword(checked.data), role: admin ? 'admin' : 'evaluator', now: new Date().toISOString() });
    process.stdout.write(`added ${admin ? 'admin' : 'evaluator'} ${username.data}\n`);
    return 0;
  } finally {
    await db.close();
  }
}

/** The first line of a stream (a password piped in), without its line ending. */
async function firstLine(stream: NodeJS.ReadableStream): Promise<string> {
  let text = '';
  for await (const chunk of stream) {
    text += chunk.toString();
    if (text.includes('\n')) break;
  }
  return text.split(/\r?\n/)[0] ?? '';
}

async function promptTwice(): Promise<string | null> {
  const first = await promptHidden('password: ');
  const second = await promptHidden('again: ');
  return first === second ? first : null;
}

function promptHidden(question: string): Promise<string> {
  process.stdout.write(question);
  // The terminal echo goes to a sink, so the password never appears on screen.
  const silent = new Writable({ write: (_chunk, _enc, done) => done() });
  const rl = createInterface({ input: process.stdin, output: silent, terminal: true });
  return new Promise((resolve) =>
    rl.question('', (answer) => {
      rl.close();
      process.stdout.write('\n');
      resolve(answer);
    }),
  );
}
