// The hash chain's format is fixed for good: responses stored by any earlier version must still
// verify. These hashes were computed by the first implementation; a change to the field order,
// the separator or the encoding breaks them.
import { describe, expect, it } from 'vitest';
import { genesisHash, responseHash, type ChainedFields } from '../../../server/responses/chain.ts';

const fields: ChainedFields = {
  id: '01712e80-af90-4e0e-962b-f911f0c955e1', survey_id: '600be8ab-d134-4ca1-863c-34ed05e74436', seq: 7, definition_version: 2,
  channel: 'qr', respondent_group: 'public', token: null, device: '01a220e9-1257-70a1-a338-de3dadbd6764', network: 'abcdef0123456789',
  source: 'hall-1', started_at: '2026-11-28T06:50:00.000Z', submitted_at: '2026-11-28T06:55:00.000Z',
  answers: '{"q1":5,"suggestion":"多开展\\"政策\\"宣讲\\n谢谢"}', prev_hash: genesisHash('600be8ab-d134-4ca1-863c-34ed05e74436'),
};

describe('the hash chain', () => {
  it('starts from the hash of the survey id', () => {
    expect(genesisHash('600be8ab-d134-4ca1-863c-34ed05e74436')).toBe('e101e344b43c25d7c61b0b37d3fdfb24770c9133495642ac1da48f5f8a9d8337');
  });
  it('hashes the previous hash and every stored field, as it always has', () => {
    expect(responseHash(fields)).toBe('e84b0088d4ff49a359a3f8497487bd6c9e94fdd89237ace79e4415703a353c92');
    expect(responseHash({ ...fields, token: 'abc', device: null, seq: 8 })).toBe('51ba2f2182eca0e0c60b8463b7919aac6f4bec710d4ffd24c133f3ce63000cc7');
  });
});
