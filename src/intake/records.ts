/**
 * Turns one parsed submission into per-record decisions: normalised and checked records, the
 * facility consistency rule, duplicates inside the envelope (checkRecords, pure), and the identity
 * link (linkRecords: the registry and the matcher). Nothing is written here.
 */
import type { CheckupRecord } from "../checkup/model.ts";
import { finding, hasErrors, type Finding } from "../checkup/finding.ts";
import type { ParsedRecord } from "../formats/types.ts";
import { decideLink, registryUnavailable, type LinkDecision, type WaitReason } from "../identity/link.ts";
import { RegistryUnavailableError } from "../identity/registry-http.ts";
import type { Matcher } from "../identity/matcher.ts";
import type { MatchResult } from "../identity/match/index.ts";
import { identityRoute } from "../identity/review/intake.ts";
import type { Registry, RegistryPerson } from "../identity/registry.ts";
import type { FacilityRow } from "../facility/facilities-repo.ts";
import type { RecordText } from "../record/record-text.ts";
import type { ObservationColumns } from "../record/checkups-repo.ts";

export interface Checker {
  (record: CheckupRecord, ctx: { now: Date; receivedAt: Date }): { record: CheckupRecord; findings: Finding[] };
}

export interface Decided {
  record: CheckupRecord;
  findings: Finding[];
  /** null: rejected; otherwise where it goes. */
  route: null | {
    linkedTo: RegistryPerson | null;
    identityReason: WaitReason | null;
    late: boolean;
    /** The matcher's answer, when it was asked (the ID alone did not link). */
    match: MatchResult | null;
    /** The matcher found someone the registry does not know (no ID sent): settled as unregistered. */
    newPerson: boolean;
  };
  /** The stored JSON and its hash, when computed with the checks (read-checked.ts). */
  text?: RecordText;
  /** The observations as rendered for the INSERT, when computed with the checks (the same). */
  observationColumns?: ObservationColumns;
}

/** A record after the pure checks, with its stored JSON and hash when it can be stored (record-text.ts). */
export interface Checked {
  record: CheckupRecord;
  findings: Finding[];
  /** Absent when not computed (the store computes it then); null for a rejected record. */
  text?: RecordText | null;
  observationColumns?: ObservationColumns;
}

export interface CheckContext {
  facility: Pick<FacilityRow, "code" | "gln">;
  envelopeFacilityId: string | null;
  now: Date;
  receivedAt: Date;
  check: Checker;
}

/** Check and link: the two halves below, for callers that have them in one place. */
export async function decideRecords(
  parsed: readonly ParsedRecord[],
  ctx: CheckContext & { registry: Registry; matcher: Matcher },
): Promise<Decided[]> {
  return linkRecords(checkRecords(parsed, ctx), ctx);
}

/**
 * The pure half (read-checked.ts runs it off the event loop): the checker, the facility rule and
 * duplicates inside the envelope. No database, no registry.
 */
export function checkRecords(parsed: readonly ParsedRecord[], ctx: CheckContext): Checked[] {
  const seen = new Set<string>();
  return parsed.map(({ record, findings: parseFindings }) => {
    if (hasErrors(parseFindings)) return { record, findings: parseFindings };
    const { record: r, findings } = ctx.check(record, { now: ctx.now, receivedAt: ctx.receivedAt });
    const all = [...parseFindings, ...findings, ...facilityFindings(r, ctx.facility, ctx.envelopeFacilityId)];
    if (r.maLk) {
      if (seen.has(r.maLk)) {
        all.push(finding("KSK-DUPLICATE-IN-SUBMISSION", "error", `${r.path}/XML2/MA_LK`,
          "MA_LK trùng với một hồ sơ khác trong cùng gói.", "MA_LK repeats another record of the same submission."));
      }
      seen.add(r.maLk);
    } else if (!all.some((f) => f.severity === "error" && f.path.endsWith("MA_LK"))) {
      all.push(finding("KSK-REQUIRED", "error", `${r.path}/XML2/MA_LK`, "Thiếu MA_LK.", "MA_LK is required."));
    }
    return { record: r, findings: all };
  });
}

/** The identity half: the registry look-up and, where the ID alone does not settle it, the matcher. */
export async function linkRecords(checked: readonly Checked[], ctx: { registry: Registry; matcher: Matcher }): Promise<Decided[]> {
  const ids = checked.flatMap((c) => (!hasErrors(c.findings) && c.record.patient.personalId ? [c.record.patient.personalId] : []));
  const found = await lookupOrWait(ctx.registry, ids);
  return checked.map(({ record, findings, text, observationColumns }) => {
    if (hasErrors(findings)) return { record, findings, route: null };
    const late = findings.some((f) => f.code === "KSK-LATE-PUSH");
    const link = linkOf(record, found);
    const computed = { ...(text ? { text } : {}), ...(observationColumns ? { observationColumns } : {}) };
    const decided = (d: Omit<Decided, "text" | "observationColumns">): Decided => ({ ...d, ...computed });
    if (link.status === "linked") return decided({ record, findings, route: { linkedTo: link.person, identityReason: null, late, match: null, newPerson: false } });
    // The ID alone did not settle it: ask the matcher (not while the registry is down).
    const match = link.reason === "registry-unavailable" ? null : ctx.matcher.match(record);
    const route = identityRoute(link.reason, match);
    const person = route === "link" && match?.personalId ? ctx.matcher.person(match.personalId) : undefined;
    if (person) {
      const linked = finding("ID-LINKED-BY-MATCH", "warning", `${record.path}/XML1/SO_CCCD`,
        "Liên kết theo đối sánh thông tin hành chính; số định danh gửi lên thiếu hoặc không khớp.",
        "Linked by matching the demographics; the personal ID sent was missing or did not match.");
      return decided({ record, findings: [...findings, linked], route: { linkedTo: person, identityReason: null, late, match, newPerson: false } });
    }
    return decided({
      record,
      findings: route === "new-person" ? findings : [...findings, link.finding],
      route: { linkedTo: null, identityReason: link.reason, late, match, newPerson: route === "new-person" },
    });
  });
}

/** A facility pushes only its own check-ups: the record's code (or the envelope's) must be its own. */
function facilityFindings(r: CheckupRecord, f: Pick<FacilityRow, "code" | "gln">, envelopeId: string | null): Finding[] {
  const own = (id: string | null) => id === null || id === f.code || id === f.gln;
  if ([r.facilityCode, r.facilityGln, envelopeId].every(own)) return [];
  return [finding("KSK-FACILITY-MISMATCH", "error", `${r.path}/XML2/MA_CSKCB`,
    "Hồ sơ mang mã của cơ sở khác với cơ sở gửi.", "The record carries another facility's code than the sender's.")];
}

/** Identity checks never block the answer: without a registry, records wait (null). */
async function lookupOrWait(registry: Registry, ids: string[]): Promise<Map<string, RegistryPerson> | null> {
  try {
    return await registry.lookup(ids);
  } catch (err) {
    if (err instanceof RegistryUnavailableError) return null;
    throw err;
  }
}

export function linkOf(record: CheckupRecord, found: Map<string, RegistryPerson> | null): LinkDecision {
  const id = record.patient.personalId;
  const wellFormed = id !== null && /^\d{12}$/.test(id);
  if (found === null && wellFormed) return registryUnavailable(record);
  return decideLink(record, id ? found?.get(id) : undefined);
}
