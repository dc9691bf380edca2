/**
 * The foundation's linking rule (full matching is issue 4's): a 12-digit personal ID found in the
 * registry links the record when the registry agrees on sex and birth year and on the name (folded,
 * or the same given name with the same full birth date, to survive a typo elsewhere in the name).
 * Anything else waits for identity review: a wrong ID must never tie a record to someone else.
 */
import type { CheckupRecord } from "../checkup/model.ts";
import { finding, type Finding } from "../checkup/finding.ts";
import { foldName } from "./fold.ts";
import type { RegistryPerson } from "./registry.ts";

export type WaitReason = "no-id" | "not-in-registry" | "mismatch" | "registry-unavailable";

export type LinkDecision =
  | { status: "linked"; person: RegistryPerson }
  | { status: "review"; reason: WaitReason; finding: Finding };

const review = (reason: WaitReason, code: string, path: string, vi: string, en: string): LinkDecision => ({
  status: "review",
  reason,
  finding: finding(code, "warning", path, vi, en),
});

/** The registry did not answer: the record waits and is linked when it does (issue 4 §1). */
export const registryUnavailable = (record: CheckupRecord): LinkDecision =>
  review("registry-unavailable", "ID-REGISTRY-UNAVAILABLE", `${record.path}/XML1/SO_CCCD`,
    "CSDL dân cư tạm thời không phản hồi; hồ sơ sẽ được liên kết khi có kết nối.",
    "The population registry is not answering; the record will be linked when it is back.");

export function decideLink(record: CheckupRecord, found: RegistryPerson | undefined): LinkDecision {
  const p = record.patient;
  const path = `${record.path}/XML1/SO_CCCD`;
  if (!p.personalId || !/^\d{12}$/.test(p.personalId)) {
    return review("no-id", "ID-REVIEW-NO-PERSONAL-ID", path, "Không có số định danh cá nhân hợp lệ; hồ sơ chờ xác minh danh tính.", "No valid personal ID; the record waits for identity review.");
  }
  if (!found) {
    return review("not-in-registry", "ID-REVIEW-NOT-IN-REGISTRY", path, "Số định danh không có trong CSDL dân cư; hồ sơ chờ xác minh.", "Personal ID not found in the population registry; the record waits for review.");
  }
  const sexAgrees = !p.sex || p.sex === found.sex;
  const yearAgrees = !p.birthDate || p.birthDate.iso.slice(0, 4) === found.birthDate.slice(0, 4);
  const name = p.fullName ? foldName(p.fullName) : "";
  const registryName = foldName(found.fullName);
  const sameGiven = name.split(" ").at(-1) === registryName.split(" ").at(-1);
  const sameBirthDate = p.birthDate?.precision !== "year" && p.birthDate?.iso.slice(0, 10) === found.birthDate;
  const nameAgrees = name === registryName || (sameGiven && sameBirthDate);
  if (sexAgrees && yearAgrees && nameAgrees) return { status: "linked", person: found };
  return review("mismatch", "ID-REVIEW-MISMATCH", path, "Thông tin hành chính không khớp CSDL dân cư; hồ sơ chờ xác minh.", "Demographics disagree with the population registry; the record waits for review.");
}
