/**
 * Strict base64 for the NOIDUNGFILE blocks of KHAMSUCKHOE and GIAMDINHHS (RFC 4648 §4: the
 * standard alphabet, at most two `=` and only at the end; MIME line breaks tolerated). Node's
 * decoder skips what it does not know, reads `-` and `_` as base64url and the low byte of a
 * character past U+00FF as a letter; so the text is refused when it has any of those, and
 * otherwise when the decoded length is not what its length promises (a skipped or early-stopping
 * character always costs at least one byte). That replaces a regular-expression pass over every
 * block (~35 µs for 16 KB here) with two cheap scans.
 */
export function decodeBase64(text: string): Buffer | null {
  return strict(text) ?? (/\s/.test(text) ? strict(text.replace(/\s+/g, "")) : null);
}

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;
const WIDE = /[\u0100-\uFFFF]/;

function strict(s: string): Buffer | null {
  if (s.length === 0 || s.length % 4 === 1) return null;
  let pad = 0;
  while (pad < 3 && s.charCodeAt(s.length - 1 - pad) === 0x3d /* = */) pad++;
  if (pad > 2 || s.length === pad) return null;
  // One character before the padding carries no whole byte: the length cannot tell a skipped one.
  if ((s.length - pad) % 4 === 1) return BASE64.test(s) ? Buffer.from(s, "base64") : null;
  // Characters past U+00FF (the decoder would read their low byte); the test is free on one-byte strings.
  if (WIDE.test(s) || s.includes("-") || s.includes("_")) return null;
  const bytes = Buffer.from(s, "base64");
  return bytes.length === Math.floor(((s.length - pad) * 3) / 4) ? bytes : null;
}
