// Every export is recorded (issue 5): who, when, which filters, how many rows, the sha256 of the
// bytes sent and the chain head it was cut at. A streamed file is hashed as its chunks pass, and
// recorded after the last one and before the stream closes, so a client that has read the whole
// body can already fetch the record; a download abandoned halfway leaves no record.
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { recordExport } from '../db/exports.ts';
import type { ResponseStatus } from '../responses/counting.ts';

export type ExportKind = 'responses.csv' | 'responses.xlsx' | 'results.xlsx' | 'results.json' | 'report.txt';

export interface ExportMeta {
  id: string;
  surveyId: string;
  userId: string;
  kind: ExportKind;
  filters: Record<string, string>;
  chain: { seq: number; hash: string };
  now: () => Date;
}

export interface ExportTally {
  rows: number;
  lastHash: string | null;
  /** A response file's rows by whether they count (valid) or why not, as the accounting counts them. */
  statuses?: Partial<Record<ResponseStatus, number>>;
}

async function record(db: Kysely<Database>, meta: ExportMeta, sha256: string, bytes: number, tally: ExportTally): Promise<void> {
  await recordExport(db, {
    id: meta.id,
    survey_id: meta.surveyId,
    user_id: meta.userId,
    kind: meta.kind,
    filters: JSON.stringify(meta.filters),
    rows: tally.rows,
    sha256,
    bytes,
    chain_seq: meta.chain.seq,
    chain_head: meta.chain.hash,
    last_hash: tally.lastHash,
    created_at: meta.now().toISOString(),
  });
}

/**
 * A web stream of the chunks, read only as the client reads (pull), hashed on the way. `tally`
 * is asked after the last chunk, when the rows have all been counted.
 */
export function recordedStream(db: Kysely<Database>, meta: ExportMeta, chunks: AsyncIterable<Uint8Array>, tally: () => ExportTally): ReadableStream<Uint8Array> {
  const hash = createHash('sha256');
  const it = chunks[Symbol.asyncIterator]();
  let bytes = 0;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const next = await it.next();
        if (next.done) {
          await record(db, meta, hash.digest('hex'), bytes, tally());
          controller.close();
          return;
        }
        hash.update(next.value);
        bytes += next.value.byteLength;
        controller.enqueue(next.value);
      },
      async cancel() {
        await it.return?.();
      },
    },
    // One chunk ahead at most: the database is read as fast as the client takes the file.
    { highWaterMark: 1 },
  );
}

/** A file made whole in memory (results, report text: small), recorded before it is sent. */
export async function recordedBytes<T extends Uint8Array>(db: Kysely<Database>, meta: ExportMeta, body: T, tally: ExportTally): Promise<T> {
  await record(db, meta, createHash('sha256').update(body).digest('hex'), body.byteLength, tally);
  return body;
}
