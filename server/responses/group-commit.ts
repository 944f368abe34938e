// Group commit: the responses that arrive while one transaction is being committed are written
// together in the next one, and each caller is answered only after that commit returns. One fsync
// then serves many responses, and none is acknowledged before it is durable.

export class Overloaded extends Error {
  constructor() {
    super('too many responses are waiting to be written');
  }
}

export class GroupCommit<Item, Result> {
  private queue: { item: Item; resolve: (r: Result) => void; reject: (e: unknown) => void }[] = [];
  /** Batches handed to the database and not yet answered, and the items they hold. */
  private inFlight = 0;
  private inFlightItems = 0;
  private scheduled = false;

  private readonly maxBatch: number;
  private readonly maxQueue: number;
  private readonly maxInFlight: number;
  private readonly collect: (() => void) | undefined;

  constructor(
    private readonly commit: (items: Item[]) => Promise<Result[]>,
    options: {
      maxBatch?: number;
      /** Items waiting to be written, queued or in flight, beyond which a submission is refused. */
      maxQueue?: number;
      /**
       * Batches handed over before the first is answered. 1 (the default) suits a database that
       * commits each batch it is given on its own. The SQLite write thread takes more: it commits
       * every batch waiting for it in one transaction, so batches handed over during a commit form
       * the next transaction the moment the thread is free, without waiting for the main thread to
       * read the last answer and send the next batch.
       */
      maxInFlight?: number;
      /**
       * Takes the answers of commits that have finished elsewhere (the SQLite write thread), called
       * on every submit: a burst of requests keeps the event loop from reading the answer's message
       * for most of a millisecond, during which the database would wait for its next batch.
       */
      collect?: (() => void) | undefined;
    } = {},
  ) {
    this.maxBatch = options.maxBatch ?? 512;
    this.maxQueue = options.maxQueue ?? 20_000;
    this.maxInFlight = options.maxInFlight ?? 1;
    this.collect = options.collect;
  }

  submit(item: Item): Promise<Result> {
    this.collect?.();
    if (this.queue.length + this.inFlightItems >= this.maxQueue) return Promise.reject(new Overloaded());
    return new Promise<Result>((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      this.schedule();
    });
  }

  /** Resolves once everything submitted so far has been committed (or failed). */
  async drain(): Promise<void> {
    while (this.queue.length > 0 || this.inFlight > 0) await new Promise((r) => setTimeout(r, 1));
  }

  private schedule(): void {
    if (this.scheduled || this.inFlight >= this.maxInFlight) return;
    this.scheduled = true;
    // setImmediate runs after the I/O callbacks of this loop turn: every request already read joins.
    setImmediate(() => {
      this.scheduled = false;
      void this.flush();
    });
  }

  private async flush(): Promise<void> {
    if (this.inFlight >= this.maxInFlight || this.queue.length === 0) return;
    const batch = this.queue.splice(0, this.maxBatch);
    this.inFlight++;
    this.inFlightItems += batch.length;
    // What did not fit in this batch goes in the next one, if the database takes another.
    if (this.queue.length > 0) this.schedule();
    let outcome: { results: Result[] } | { error: unknown };
    try {
      outcome = { results: await this.commit(batch.map((p) => p.item)) };
    } catch (error) {
      outcome = { error };
    }
    this.inFlight--;
    this.inFlightItems -= batch.length;
    // The next batch goes to the database before this one is answered: sending a batch's answers
    // keeps the main thread busy for most of a millisecond, which the next commit can use.
    if (this.queue.length > 0) void this.flush();
    if ('results' in outcome) batch.forEach((p, i) => p.resolve(outcome.results[i] as Result));
    else for (const p of batch) p.reject(outcome.error);
  }
}
