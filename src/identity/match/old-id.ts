/**
 * What `SO_CCCD` offers the matcher as an identifier. A 12-digit personal ID is used as sent; a
 * 9-digit old ID-card number or a cancelled 12-digit number is turned into the current personal ID
 * through the crosswalk the registry supplies (standards.md §6.1: SO_CCCD has no type field; Decree
 * 70/2024 arts. 11–12: cancelled numbers are never reused and stay linked to the new one). An old
 * number the crosswalk does not know is no evidence either way.
 */
export type IdEvidence =
  /** `sent` is the 12 digits as typed; `resolved` the current ID when `sent` is a cancelled one. */
  | { kind: "personal-id"; sent: string; resolved: string | null }
  | { kind: "old-id-card"; sent: string; resolved: string | null }
  | { kind: "none" };

const TWELVE = /^\d{12}$/;
const NINE = /^\d{9}$/;

/** Spaces, dots and dashes typed inside the number are dropped before reading it. */
export function readIdEvidence(raw: string | null | undefined, formerIds?: ReadonlyMap<string, string>): IdEvidence {
  const id = (raw ?? "").replace(/[\s.-]/g, "");
  if (TWELVE.test(id)) return { kind: "personal-id", sent: id, resolved: formerIds?.get(id) ?? null };
  if (NINE.test(id)) return { kind: "old-id-card", sent: id, resolved: formerIds?.get(id) ?? null };
  return { kind: "none" };
}

/** The 12-digit IDs the evidence points at directly: the one sent and the one it resolves to. */
export function directIds(evidence: IdEvidence): string[] {
  switch (evidence.kind) {
    case "personal-id":
      return evidence.resolved ? [evidence.sent, evidence.resolved] : [evidence.sent];
    case "old-id-card":
      return evidence.resolved ? [evidence.resolved] : [];
    case "none":
      return [];
  }
}
