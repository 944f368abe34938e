// `manyidu COMMAND …`: each command lives in its own module and is loaded only when asked for,
// so `manyidu score` stays usable without a database.
type Command = { summary: string; load: () => Promise<{ run: (args: string[]) => Promise<number> }> };

const commands: Record<string, Command> = {
  serve: { summary: 'serve the app (DATABASE_URL, PORT)', load: () => import('./serve.ts') },
  backup: { summary: 'backup FILE: a checked copy of the live SQLite database', load: () => import('./backup.ts') },
  'migrate-to': { summary: 'migrate-to DATABASE_URL: copy this installation into an empty database', load: () => import('./migrate-to.ts') },
  user: { summary: 'user add USERNAME [--admin]: add an evaluator (password from stdin)', load: () => import('./user.ts') },
  score: { summary: 'score FRAMEWORK INPUTS [--json]: print the score sheet', load: () => import('./score.ts') },
};

function usage(): string {
  const lines = Object.entries(commands).map(([name, c]) => `  manyidu ${name.padEnd(11)} ${c.summary}`);
  return ['usage:', ...lines].join('\n');
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  const command = name ? commands[name] : undefined;
  if (!command) {
    process.stderr.write(`${name ? `unknown command: ${name}\n` : ''}${usage()}\n`);
    return 2;
  }
  const mod = await command.load();
  return mod.run(args);
}
