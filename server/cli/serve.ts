// `manyidu serve` (what `npm start` runs): open or create the database, seed it when new, and
// tell whoever started it where the demo survey is and how to log in.
import QRCode from 'qrcode';
import { configFromEnv } from '../config.ts';
import { startServer } from '../runtime.ts';
import { compiled } from '../paths.ts';

export async function run(_args: string[]): Promise<number> {
  const config = configFromEnv();
  const server = await startServer({
    databaseUrl: config.databaseUrl,
    adminPassword: config.adminPassword,
    trustProxy: config.trustProxy,
    port: config.port,
    host: config.host,
  });
  const demo = `${server.url}/s/demo`;
  const lines = [
    `manyidu 满意度 is serving on ${server.url}  (database: ${server.ctx.db.engine.name} ${server.ctx.db.location}; ${compiled ? 'compiled' : 'from TypeScript sources'})`,
    `问卷 demo survey: ${demo}`,
  ];
  process.stdout.write(lines.join('\n') + '\n');
  if (await server.ctx.published.get('demo')) {
    process.stdout.write((await QRCode.toString(demo, { type: 'terminal', small: true })) + '\n');
  }
  const admin = server.seed.admin;
  if (admin) {
    process.stdout.write(
      `evaluator login 评价人员登录: user ${admin.username}, password ${admin.generated ? admin.password + '  (shown once: note it now; set MANYIDU_ADMIN_PASSWORD to choose it)' : 'from MANYIDU_ADMIN_PASSWORD'}\n`,
    );
  }
  const stop = async (signal: string) => {
    process.stdout.write(`${signal}: finishing the responses in flight, then stopping\n`);
    await server.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
  return new Promise<number>(() => {});
}
