/**
 * Posting lists for blocking keys, in two typed arrays sorted by key hash, plus a directory from
 * the hash's top bits to where those hashes start: a lookup is two reads and a short scan, not a
 * binary search through cache misses. For a million persons with eight keys each that is about
 * 80 MB, where a `Map` from key string to an array of rows would take several times that. Built
 * once with an LSD radix sort (two 16-bit passes), O(n).
 */
export interface Postings {
  readonly hashes: Uint32Array;
  readonly rows: Uint32Array;
  /** `directory[p]` = first position whose hash has top bits `p`; one extra slot at the end. */
  readonly directory: Uint32Array;
  readonly shift: number;
}

/** Collects (hash, row) pairs; `build` sorts them. */
export interface PostingsBuilder {
  add(hash: number, row: number): void;
  build(): Postings;
}

export function postingsBuilder(initialCapacity = 1024): PostingsBuilder {
  let hashes = new Uint32Array(Math.max(16, initialCapacity));
  let rows = new Uint32Array(hashes.length);
  let size = 0;
  return {
    add(hash, row) {
      if (size === hashes.length) {
        const grownH = new Uint32Array(size * 2);
        const grownR = new Uint32Array(size * 2);
        grownH.set(hashes);
        grownR.set(rows);
        hashes = grownH;
        rows = grownR;
      }
      hashes[size] = hash;
      rows[size] = row;
      size++;
    },
    build: () => withDirectory(radixSort(hashes.slice(0, size), rows.slice(0, size))),
  };
}

function radixSort(hashes: Uint32Array, rows: Uint32Array): { hashes: Uint32Array; rows: Uint32Array } {
  let h: Uint32Array = hashes;
  let r: Uint32Array = rows;
  let th: Uint32Array = new Uint32Array(h.length);
  let tr: Uint32Array = new Uint32Array(h.length);
  for (const shift of [0, 16]) {
    const counts = new Uint32Array(65537);
    for (let i = 0; i < h.length; i++) {
      const slot = (((h[i] as number) >>> shift) & 0xffff) + 1;
      counts[slot] = (counts[slot] as number) + 1;
    }
    for (let d = 1; d < counts.length; d++) counts[d] = (counts[d] as number) + (counts[d - 1] as number);
    for (let i = 0; i < h.length; i++) {
      const digit = ((h[i] as number) >>> shift) & 0xffff;
      const at = counts[digit] as number;
      counts[digit] = at + 1;
      th[at] = h[i] as number;
      tr[at] = r[i] as number;
    }
    [h, th] = [th, h];
    [r, tr] = [tr, r];
  }
  return { hashes: h, rows: r };
}

/** About two entries per directory slot: 2^bits ≥ n/2, at least 2^8. */
function withDirectory(sorted: { hashes: Uint32Array; rows: Uint32Array }): Postings {
  const n = sorted.hashes.length;
  const bits = Math.min(24, Math.max(8, Math.ceil(Math.log2(Math.max(1, n))) - 1));
  const shift = 32 - bits;
  const directory = new Uint32Array((1 << bits) + 1);
  let at = 0;
  for (let p = 0; p <= 1 << bits; p++) {
    while (at < n && (sorted.hashes[at] as number) >>> shift < p) at++;
    directory[p] = at;
  }
  return { ...sorted, directory, shift };
}

/** The rows filed under `hash`, as a view (no copy). */
export function lookup(postings: Postings, hash: number): Uint32Array {
  const { hashes, rows, directory, shift } = postings;
  const slot = hash >>> shift;
  let start = directory[slot] as number;
  const end = directory[slot + 1] as number;
  while (start < end && (hashes[start] as number) < hash) start++;
  let stop = start;
  while (stop < end && hashes[stop] === hash) stop++;
  return rows.subarray(start, stop);
}
