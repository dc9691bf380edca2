/**
 * Group commit (after PostgreSQL's own commit_delay idea and DataLoader's batching): work items
 * that arrive while a flush is in flight wait and go together in the next flush, so fifty
 * facilities pushing at once share a handful of transactions instead of fifty. No timer: an item
 * that finds the group idle is flushed on the next turn of the event loop (with whatever else
 * arrived in this turn), so a quiet hub adds no latency.
 *
 * A failing flush of several items is retried item by item, so one bad item never takes the
 * others down with it; only the failing item's caller sees the error.
 */
export interface Group<I, O> {
  add(item: I): Promise<O>;
}

export interface GroupOptions<I, O> {
  /** Runs one flush; returns one output per item, in order. */
  run(items: I[]): Promise<O[]>;
  /** Most items in one flush. */
  maxBatch?: number;
  /** Flushes in flight at once (a PostgreSQL pool can overlap them; PGlite serialises anyway). */
  concurrency?: number;
  /** Items sharing a key never go in the same flush (e.g. two versions of one check-up). */
  keys?(item: I): readonly string[];
  /** Size of an item (e.g. bytes); a flush stops taking items past `maxWeight` (but takes one). */
  weigh?(item: I): number;
  maxWeight?: number;
}

interface Pending<I, O> {
  item: I;
  resolve(o: O): void;
  reject(err: unknown): void;
}

export function createGroup<I, O>(opts: GroupOptions<I, O>): Group<I, O> {
  const maxBatch = opts.maxBatch ?? 64;
  const concurrency = opts.concurrency ?? 1;
  let queue: Pending<I, O>[] = [];
  let inFlight = 0;
  let scheduled = false;

  const take = (): Pending<I, O>[] => {
    const taken: Pending<I, O>[] = [];
    const rest: Pending<I, O>[] = [];
    const seen = new Set<string>();
    let weight = 0;
    let full = false; // first come, first taken: nothing overtakes an item that did not fit
    for (const p of queue) {
      const keys = opts.keys?.(p.item) ?? [];
      const w = opts.weigh?.(p.item) ?? 0;
      full ||= taken.length >= maxBatch || (taken.length > 0 && weight + w > (opts.maxWeight ?? Infinity));
      if (full || keys.some((k) => seen.has(k))) {
        rest.push(p);
        continue;
      }
      for (const k of keys) seen.add(k);
      weight += w;
      taken.push(p);
    }
    queue = rest;
    return taken;
  };

  const settle = async (batch: Pending<I, O>[]): Promise<void> => {
    try {
      const out = await opts.run(batch.map((p) => p.item));
      batch.forEach((p, i) => p.resolve(out[i]!));
    } catch (err) {
      if (batch.length === 1) batch[0]!.reject(err);
      else for (const p of batch) await settle([p]);
    }
  };

  const pump = (): void => {
    while (inFlight < concurrency && queue.length > 0) {
      const batch = take();
      inFlight++;
      void settle(batch).finally(() => {
        inFlight--;
        pump();
      });
    }
  };

  return {
    add: (item) =>
      new Promise<O>((resolve, reject) => {
        queue.push({ item, resolve, reject });
        if (scheduled) return;
        scheduled = true;
        setImmediate(() => {
          scheduled = false;
          pump();
        });
      }),
  };
}

/**
 * Flushes to overlap on a database: two on a PostgreSQL pool (an item arriving mid-commit need not
 * wait for that commit to end), one on PGlite, which runs one statement at a time anyway.
 */
export const flushesFor = (db: { readonly kind?: string }): number => (db.kind === "postgres" ? 2 : 1);
