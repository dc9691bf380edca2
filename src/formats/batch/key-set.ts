/**
 * Row keys already seen in one file, to refuse a second row with the same MA_LK/STT (two people
 * under one key would replace each other). A million-row file must not hold a million strings, so
 * each key is kept as a 64-bit fingerprint in typed arrays: 12 bytes a slot, 16–32 MB per million
 * rows. Two different keys share a fingerprint with odds of about n²/2⁶⁵ (3·10⁻⁸ at a million rows).
 */

export interface KeySet {
  /** Adds the key; returns the row that already had it, or null. */
  add(key: string, row: number): number | null;
}

const INITIAL_CAPACITY = 1 << 12;

export function createKeySet(): KeySet {
  let capacity = INITIAL_CAPACITY;
  let size = 0;
  let slots = new Uint32Array(capacity * 2);
  let rows = new Uint32Array(capacity);

  const place = (hi: number, lo: number, row: number, into: Uint32Array, rowsInto: Uint32Array, mask: number): number | null => {
    let i = lo & mask;
    for (;;) {
      const h = into[i * 2] ?? 0;
      const l = into[i * 2 + 1] ?? 0;
      if (h === 0 && l === 0) {
        into[i * 2] = hi;
        into[i * 2 + 1] = lo;
        rowsInto[i] = row;
        return null;
      }
      if (h === hi && l === lo) return rowsInto[i] ?? 0;
      i = (i + 1) & mask;
    }
  };

  const grow = () => {
    const next = capacity * 2;
    const nextSlots = new Uint32Array(next * 2);
    const nextRows = new Uint32Array(next);
    for (let i = 0; i < capacity; i++) {
      const hi = slots[i * 2] ?? 0;
      const lo = slots[i * 2 + 1] ?? 0;
      if (hi !== 0 || lo !== 0) place(hi, lo, rows[i] ?? 0, nextSlots, nextRows, next - 1);
    }
    capacity = next;
    slots = nextSlots;
    rows = nextRows;
  };

  return {
    add(key, row) {
      const [hi, lo] = fingerprint(key);
      const earlier = place(hi, lo, row, slots, rows, capacity - 1);
      if (earlier === null && ++size * 4 > capacity * 3) grow();
      return earlier;
    },
  };
}

/** Two independent 32-bit FNV-1a variants over UTF-16 units; (0, 0) is the empty-slot mark. */
function fingerprint(key: string): [number, number] {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ key.length;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 15;
  }
  a = mix(a);
  b = mix(b);
  return a === 0 && b === 0 ? [0, 1] : [a, b];
}

const mix = (h: number): number => {
  let x = h ^ (h >>> 16);
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
};
