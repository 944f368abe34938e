// Run in a process of its own, so its peak memory is the export's: logs in, downloads the survey's
// export through the app (as a browser would, body read chunk by chunk and dropped), and prints
// the peak resident set size sampled during the download and the bytes received, as JSON.
import { createApp } from '../../server/app.ts';
import { createContext } from '../../server/runtime.ts';

const [path, surveyId, format] = process.argv.slice(2) as [string, string, 'csv' | 'xlsx'];
const { ctx } = await createContext({ databaseUrl: path, adminPassword: 'correct horse battery', demo: false, dist: null });
const app = createApp(ctx);
const login = await app.request('/api/auth/login', {
  method: 'POST',
  headers: { 'content-type': 'application/json', origin: 'http://localhost' },
  body: JSON.stringify({ username: 'admin', password: 'correct horse battery' }),
});
const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');

// What the process holds before the export: the app, its modules and the SQLite write thread.
globalThis.gc?.();
const baseline = process.memoryUsage().rss;
let peak = baseline;
const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
const started = performance.now();
const res = await app.request(`/api/surveys/${surveyId}/export.${format}`, { headers: { cookie } });
if (res.status !== 200) throw new Error(`export answered ${res.status}: ${await res.text()}`);
let bytes = 0;
const reader = res.body!.getReader();
for (let next = await reader.read(); !next.done; next = await reader.read()) bytes += next.value.byteLength;
const seconds = (performance.now() - started) / 1000;
clearInterval(sampler);
peak = Math.max(peak, process.memoryUsage().rss);
await ctx.writer.drain();
await ctx.db.close();
console.log(JSON.stringify({ baselineRss: baseline, peakRss: peak, bytes, seconds }));
