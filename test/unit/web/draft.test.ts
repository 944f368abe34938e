import { afterEach, describe, expect, test } from 'vitest';
import { clearDraft, draftKey, loadDraft, saveDraft } from '../../../web/respondent/draft.ts';

/** A Map-backed Storage, or one that throws like Safari's private mode. */
function installStorage(throwing = false) {
  const items = new Map<string, string>();
  const fail = () => { throw new DOMException('QuotaExceededError'); };
  const storage = {
    getItem: (k: string) => (throwing ? fail() : items.get(k) ?? null),
    setItem: (k: string, v: string) => (throwing ? fail() : void items.set(k, v)),
    removeItem: (k: string) => (throwing ? fail() : void items.delete(k)),
  };
  Object.defineProperty(globalThis, 'localStorage', { value: storage, configurable: true });
  return items;
}

afterEach(() => {
  Reflect.deleteProperty(globalThis, 'localStorage');
});

describe('drafts', () => {
  const draft = { id: 'r-1', startedAt: '2024-03-01T02:00:00.000Z', answers: { q1: 5, needs: ['a', 'b'], why: '慢' } };

  test('one key per survey and token', () => {
    expect(draftKey('demo', undefined)).toBe('mny:demo:');
    expect(draftKey('demo', 'tok')).toBe('mny:demo:tok');
  });

  test('saved, loaded back the same, cleared', () => {
    installStorage();
    const key = draftKey('demo', undefined);
    expect(loadDraft(key)).toBeUndefined();
    saveDraft(key, draft);
    expect(loadDraft(key)).toEqual(draft);
    expect(loadDraft(draftKey('demo', 'tok'))).toBeUndefined();
    clearDraft(key);
    expect(loadDraft(key)).toBeUndefined();
  });

  test('garbage in storage is no draft', () => {
    const items = installStorage();
    for (const junk of ['{', 'null', '[]', '{"id":1,"startedAt":"x","answers":{}}', '{"id":"r","startedAt":"x","answers":[]}']) {
      items.set('k', junk);
      expect(loadDraft('k')).toBeUndefined();
    }
  });

  test('storage that throws, or none at all, never breaks the page', () => {
    installStorage(true);
    expect(() => saveDraft('k', draft)).not.toThrow();
    expect(loadDraft('k')).toBeUndefined();
    expect(() => clearDraft('k')).not.toThrow();
    Reflect.deleteProperty(globalThis, 'localStorage');
    expect(() => saveDraft('k', draft)).not.toThrow();
    expect(loadDraft('k')).toBeUndefined();
  });
});
