// The group commit: what arrives during one commit is written together in the next; every caller
// is answered only after its own batch is committed; the next batch is handed to the database
// before the previous one's callers are answered; a full queue refuses at once.
import { describe, expect, it } from 'vitest';
import { GroupCommit, Overloaded } from '../../../server/responses/group-commit.ts';

/** A database stand-in that commits when told to: the test decides when each commit returns. */
function manualCommit() {
  const batches: number[][] = [];
  const pending: (() => void)[] = [];
  const events: string[] = [];
  const commit = (items: number[]) => {
    batches.push(items);
    events.push(`commit ${items.join(',')}`);
    return new Promise<string[]>((resolve, reject) => pending.push(() => (items.includes(-1) ? reject(new Error('disk full')) : resolve(items.map((i) => `stored ${i}`)))));
  };
  return { batches, events, commit, finishNext: () => pending.shift()!() };
}

const tick = () => new Promise((r) => setImmediate(r));

describe('GroupCommit', () => {
  it('writes what arrives during a commit in the next one, and answers each caller after its own commit', async () => {
    const db = manualCommit();
    const writer = new GroupCommit(db.commit);
    const first = writer.submit(1).then((r) => (db.events.push(`answer ${r}`), r));
    await tick();
    expect(db.batches).toEqual([[1]]);
    const later = [2, 3, 4].map((i) => writer.submit(i).then((r) => (db.events.push(`answer ${r}`), r)));
    await tick();
    expect(db.batches).toEqual([[1]]); // one commit at a time
    db.finishNext();
    expect(await first).toBe('stored 1');
    expect(db.batches).toEqual([[1], [2, 3, 4]]);
    // The next batch went to the database before the first caller was answered.
    expect(db.events.slice(0, 3)).toEqual(['commit 1', 'commit 2,3,4', 'answer stored 1']);
    db.finishNext();
    expect(await Promise.all(later)).toEqual(['stored 2', 'stored 3', 'stored 4']);
    await writer.drain();
  });

  it('fails only the batch whose commit failed', async () => {
    const db = manualCommit();
    const writer = new GroupCommit(db.commit);
    const bad = writer.submit(-1);
    await tick();
    const good = writer.submit(5);
    db.finishNext();
    await expect(bad).rejects.toThrow('disk full');
    await tick();
    db.finishNext();
    expect(await good).toBe('stored 5');
  });

  it('takes the answers of commits that have returned whenever a response is submitted', async () => {
    const db = manualCommit();
    // A commit that has returned on the write thread, its answer not yet delivered by the event loop.
    let returned = false;
    const collect = () => {
      if (returned) {
        returned = false;
        db.finishNext();
      }
    };
    const writer = new GroupCommit(db.commit, { collect });
    const first = writer.submit(1);
    await tick();
    expect(db.batches).toEqual([[1]]);
    returned = true;
    const second = writer.submit(2);
    // The first is answered and the second goes to the database within this turn of the event
    // loop, without waiting for the answer's message to be read.
    await Promise.resolve();
    await Promise.resolve();
    expect(db.batches).toEqual([[1], [2]]);
    expect(await first).toBe('stored 1');
    db.finishNext();
    expect(await second).toBe('stored 2');
  });

  it('hands over each batch as it forms when the database takes several, and answers each after its own commit', async () => {
    const db = manualCommit();
    const writer = new GroupCommit(db.commit, { maxInFlight: 2 });
    const first = writer.submit(1);
    await tick();
    const second = [2, 3].map((i) => writer.submit(i));
    await tick();
    // Handed over while the first is still being committed.
    expect(db.batches).toEqual([[1], [2, 3]]);
    const third = writer.submit(4);
    await tick();
    // Two in flight: the third waits for one of them to return.
    expect(db.batches).toEqual([[1], [2, 3]]);
    db.finishNext();
    expect(await first).toBe('stored 1');
    expect(db.batches).toEqual([[1], [2, 3], [4]]);
    db.finishNext();
    db.finishNext();
    expect(await Promise.all([...second, third])).toEqual(['stored 2', 'stored 3', 'stored 4']);
    await writer.drain();
  });

  it('counts the responses being committed as waiting when it decides the queue is full', async () => {
    const db = manualCommit();
    const writer = new GroupCommit(db.commit, { maxQueue: 2, maxInFlight: 4 });
    const accepted = [writer.submit(1)];
    await tick();
    accepted.push(writer.submit(2));
    await tick();
    expect(db.batches).toEqual([[1], [2]]);
    // Nothing is queued, but two are on their way to the database.
    await expect(writer.submit(3)).rejects.toBeInstanceOf(Overloaded);
    db.finishNext();
    db.finishNext();
    expect(await Promise.all(accepted)).toEqual(['stored 1', 'stored 2']);
    // Once they are stored there is room again.
    const fourth = writer.submit(4);
    await tick();
    db.finishNext();
    expect(await fourth).toBe('stored 4');
  });

  it('refuses at once when the queue is full, and caps a batch', async () => {
    const db = manualCommit();
    const writer = new GroupCommit(db.commit, { maxBatch: 2, maxQueue: 3 });
    const accepted = [1, 2, 3].map((i) => writer.submit(i));
    await expect(writer.submit(4)).rejects.toBeInstanceOf(Overloaded);
    await tick();
    expect(db.batches).toEqual([[1, 2]]);
    db.finishNext();
    await tick();
    expect(db.batches).toEqual([[1, 2], [3]]);
    db.finishNext();
    expect(await Promise.all(accepted)).toEqual(['stored 1', 'stored 2', 'stored 3']);
  });
});
