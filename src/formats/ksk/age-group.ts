/**
 * The QĐ 2062 age group of a record: from TYPE when the sender states it (standards.md §5.8 XML2;
 * `Driver` is accepted by one validator and is an adult form), else from the age at the exam, else
 * from the child-only blocks (XML3–XML6, XML8) when they are present.
 */
import type { Finding } from "../../checkup/finding.ts";
import type { AgeGroup, Moment } from "../../checkup/model.ts";
import { CHILD_ONLY_BLOCKS } from "./block-types.ts";
import type { Blocks } from "./fields.ts";
import { kskFinding } from "./findings.ts";

const BY_TYPE: Readonly<Record<string, AgeGroup>> = {
  childunder: "child_under_6",
  minor: "minor_6_18",
  adult: "adult",
  driver: "adult",
};

export function ageGroupOf(
  formType: string | null,
  birth: Moment | null,
  exam: Moment | null,
  blocks: Blocks,
  sink: Finding[],
): AgeGroup | null {
  if (formType !== null) {
    const stated = BY_TYPE[formType.trim().toLowerCase()];
    if (stated) return stated;
    sink.push(kskFinding("KSK-TYPE-UNKNOWN", `${blocks.get("XML2")?.path ?? "XML2"}/TYPE`));
  }
  if (birth && exam) {
    const age = fullYears(birth.iso, exam.iso);
    if (age >= 0) return age < 6 ? "child_under_6" : age < 18 ? "minor_6_18" : "adult";
  }
  if (CHILD_ONLY_BLOCKS.some((type) => blocks.has(type))) return "child_under_6";
  return null;
}

/** Whole years between two `YYYY-MM-DD…` strings (unknown parts were filled with their lowest value). */
export function fullYears(fromIso: string, toIso: string): number {
  const [fy, fm, fd] = fromIso.slice(0, 10).split("-").map(Number);
  const [ty, tm, td] = toIso.slice(0, 10).split("-").map(Number);
  if ([fy, fm, fd, ty, tm, td].some((n) => n === undefined || Number.isNaN(n))) return -1;
  const years = (ty ?? 0) - (fy ?? 0);
  const beforeBirthday = (tm ?? 0) < (fm ?? 0) || ((tm ?? 0) === (fm ?? 0) && (td ?? 0) < (fd ?? 0));
  return beforeBirthday ? years - 1 : years;
}
