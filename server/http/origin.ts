// The origin a request was made to, as the browser saw it: what a same-origin Origin header must
// equal, and the base of the links and QR codes we hand out. Behind a reverse proxy the Host and
// scheme the browser used arrive in X-Forwarded-Host/-Proto, which are believed only when the
// deployment says a proxy sets them (MANYIDU_TRUST_PROXY=1); otherwise anyone could send them.
import type { Context } from 'hono';
import type { AppContext } from '../context.ts';
import { configFromEnv } from '../config.ts';

export function trustsProxy(ctx: AppContext): boolean {
  return ctx.trustProxy ?? configFromEnv().trustProxy;
}

export function requestOrigin(c: Context, trustProxy: boolean): string {
  const url = new URL(c.req.url);
  let proto = url.protocol.replace(/:$/, '');
  let host = url.host;
  if (trustProxy) {
    const fProto = c.req.header('x-forwarded-proto')?.split(',')[0]?.trim().toLowerCase();
    const fHost = c.req.header('x-forwarded-host')?.split(',')[0]?.trim();
    if (fProto === 'http' || fProto === 'https') proto = fProto;
    if (fHost) host = fHost;
  }
  return `${proto}://${host.toLowerCase()}`;
}
