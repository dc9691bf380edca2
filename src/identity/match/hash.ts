/**
 * 32-bit hashes for blocking keys and for the registry columns that are only ever compared for
 * equality (phone, address, guardian): FNV-1a over UTF-16 code units, finished with MurmurHash3's
 * fmix32 so that keys differing in the last characters still spread over the whole range. Never 0:
 * 0 marks "no value" in those columns. `keyHash` hashes a key's parts as they are, so building the
 * index does not make eight million key strings first.
 */
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

function mixString(h: number, text: string): number {
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), FNV_PRIME);
  return h;
}

function mixInt(h: number, n: number): number {
  for (let shift = 0; shift < 32; shift += 8) h = Math.imul(h ^ ((n >>> shift) & 0xff), FNV_PRIME);
  return h;
}

function finish(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0 || 1;
}

export const hash32 = (text: string): number => finish(mixString(FNV_OFFSET, text));

/** Hash of an optional value; 0 when there is none. */
export const optionalHash = (text: string | null | undefined): number => (text ? hash32(text) : 0);

type Part = string | number;

// A separator between parts, so ("ab", "c") and ("a", "bc") differ. Numbers are integers.
const part = (h: number, p: Part): number => {
  const separated = Math.imul(h ^ 0x1f, FNV_PRIME);
  return typeof p === "number" ? mixInt(separated, p) : mixString(separated, p);
};

/** Hash of a blocking key: a tag naming the key, then up to four parts. */
export function keyHash(tag: string, a: Part, b?: Part, c?: Part, d?: Part): number {
  let h = part(mixString(FNV_OFFSET, tag), a);
  if (b !== undefined) h = part(h, b);
  if (c !== undefined) h = part(h, c);
  if (d !== undefined) h = part(h, d);
  return finish(h);
}
