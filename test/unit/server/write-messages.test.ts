// A batch crosses to the write thread as one flat array: every field of every response, and its
// tally, arrive as they were sent; and the thread takes every batch waiting for it at once.
import { deserialize, serialize } from 'node:v8';
import { MessageChannel } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { decodeBatch, encodeBatch, waitingMessages, type BatchMessage } from '../../../server/db/write-messages.ts';
import type { PendingResponse } from '../../../server/responses/plan.ts';

const bare: PendingResponse = {
  id: '01a22320-61e8-769b-8000-000000000001', survey_id: 's1', definition_version: 1, channel: 'link', respondent_group: 'public',
  token: null, device: null, network: null, source: null, started_at: null, submitted_at: '2026-11-28T09:00:00.000Z', answers: '{}',
  tally: { eligible: true, items: [], flags: [] },
};
const full: PendingResponse = {
  id: '01a22320-61e8-769b-8000-000000000002', survey_id: 's2', definition_version: 3, channel: 'token', respondent_group: 'enterprise',
  token: 'tok', device: 'dev', network: 'net', source: 'poster-1', started_at: '2026-11-28T08:59:00.000Z', submitted_at: '2026-11-28T09:00:01.000Z',
  answers: '{"q1":5,"q2":9,"why":"排队\\n太久"}',
  tally: { eligible: false, items: [['q1', '5'], ['q2', 'na']], flags: ['ineligible', 'too_fast', 'straight_line'] },
};

describe('the batch message to the write thread', () => {
  it('gives back every response as it was, in order', () => {
    const batch = [full, bare, { ...full, id: 'x', tally: { eligible: true, items: [['q7', '1']], flags: [] } } satisfies PendingResponse];
    expect(decodeBatch(encodeBatch(batch))).toEqual(batch);
    expect(decodeBatch(encodeBatch([]))).toEqual([]);
  });

  it('survives the copy postMessage makes', () => {
    const encoded = encodeBatch([full, bare]);
    expect(decodeBatch(deserialize(serialize(encoded)) as typeof encoded)).toEqual([full, bare]);
  });

  it('takes, with the message that woke the thread, every one already waiting behind it, in order', async () => {
    const { port1, port2 } = new MessageChannel();
    const sent: BatchMessage[] = [{ id: 1, batch: encodeBatch([bare]) }, { id: 2, batch: encodeBatch([full]) }, { id: 3, batch: [] }, 'close'];
    const taken = new Promise<BatchMessage[]>((resolve) => port2.once('message', (first: BatchMessage) => resolve(waitingMessages(port2, first))));
    for (const m of sent) port1.postMessage(m);
    expect(await taken).toEqual(sent);
    port1.close();
  });
});
