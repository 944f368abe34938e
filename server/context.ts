// What every route is handed: the database, the shared secret, the write path and the assets.
// Built once per process by server/runtime.ts (or by a test) and passed to createApp.
import type { Context } from 'hono';
import type { Db } from './db/connect.ts';
import type { GroupCommit } from './responses/group-commit.ts';
import type { PendingResponse, WriteOutcome } from './responses/plan.ts';
import type { PublishedSurveys } from './surveys/published.ts';
import type { Assets } from './assets.ts';

export interface AppContext {
  db: Db;
  /** Signs cookies; read from the database so every process agrees. */
  secret: string;
  writer: GroupCommit<PendingResponse, WriteOutcome>;
  published: PublishedSurveys;
  assets: Assets;
  now: () => Date;
  /** The client's address as the runtime sees it (undefined under app.request in tests). */
  clientAddress: (c: Context) => string | undefined;
  /** Largest body a public POST may carry, in bytes. */
  publicBodyLimit: number;
  /** Whether the app is served over HTTPS (Secure cookies). */
  secureCookies: boolean;
  /**
   * Whether X-Forwarded-Host/-Proto name the request's origin (MANYIDU_TRUST_PROXY=1). When the
   * runtime leaves it unset, server/http/origin.ts reads the configuration itself.
   */
  trustProxy?: boolean;
}
