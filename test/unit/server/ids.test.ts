// Server-issued ids are time-ordered UUIDs (version 7), so stored responses append to the indexes.
import { describe, expect, it } from 'vitest';
import { validate, version } from 'uuid';
import { newDeviceId, newResponseId } from '../../../server/responses/ids.ts';

describe('server-issued ids', () => {
  it('are valid UUIDs of version 7, in the order they were made', async () => {
    const first = Array.from({ length: 1000 }, newResponseId);
    await new Promise((r) => setTimeout(r, 2));
    const later = newResponseId();
    for (const id of [...first, later, newDeviceId()]) {
      expect(validate(id), id).toBe(true);
      expect(version(id), id).toBe(7);
    }
    expect(new Set(first).size).toBe(first.length);
    expect([...first].sort()).toEqual(first);
    expect(first.every((id) => id < later)).toBe(true);
  });
});
