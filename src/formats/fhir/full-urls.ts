/**
 * `Bundle.entry.fullUrl` rules, checked by hoso in linear time (validate.ts says why): a `uri`
 * (R4 §2.24.0.1: a string without whitespace), not version-specific (bdl-8), and unique in the
 * Bundle (bdl-7; no accepted Bundle type is a history, so meta.versionId does not count). Every
 * entry sharing a fullUrl is in error: a reference to it could mean either.
 */
import { finding, type Finding } from "../../checkup/finding.ts";
import { entryPath } from "./findings.ts";
import { isObject } from "./json.ts";

const invalid = (i: number, vi: string, en: string): Finding =>
  finding("FHIR-INVALID", "error", `${entryPath(i)}.fullUrl`, `Không đúng FHIR R4: ${vi}`, `Not valid FHIR R4: ${en}`);

export function checkFullUrls(entries: readonly unknown[]): Finding[] {
  const out: Finding[] = [];
  const seen = new Map<string, number[]>();
  entries.forEach((entry, i) => {
    const url = isObject(entry) ? entry["fullUrl"] : undefined;
    if (url === undefined) return;
    if (typeof url !== "string") out.push(invalid(i, "sai kiểu JSON: cần string", "wrong JSON type: expected string"));
    else if (url === "" || /\s/.test(url)) out.push(invalid(i, "sai định dạng uri", "invalid uri format"));
    else {
      if (url.includes("/_history/")) {
        out.push(invalid(i, "fullUrl không được trỏ tới một phiên bản (bdl-8)", "fullUrl cannot be a version specific reference (bdl-8)"));
      }
      seen.set(url, [...(seen.get(url) ?? []), i]);
    }
  });
  for (const list of seen.values()) {
    if (list.length < 2) continue;
    for (const i of list) out.push(invalid(i, "fullUrl phải là duy nhất trong Bundle (bdl-7)", "fullUrl must be unique in a Bundle (bdl-7)"));
  }
  return out.sort((a, b) => a.path.localeCompare(b.path, "en", { numeric: true }));
}
