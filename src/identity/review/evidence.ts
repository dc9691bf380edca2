/**
 * The evidence key: what a waiting record says about its person, normalised and hashed, so that a
 * steward's decision on one case also settles the other open cases saying exactly the same
 * ("decisions re-link waiting records", issue 4 §4) — a foreigner's five visits, one decision.
 * Only records that say enough get a key: a name, a full birth date and a sex, with the ID as sent
 * and the commune; two different people agreeing on all of that is not a risk worth a steward's day.
 */
import { createHash } from "node:crypto";
import type { Person } from "../../checkup/model.ts";
import { normalizeName } from "../match/index.ts";

export function evidenceKey(p: Pick<Person, "fullName" | "birthDate" | "sex" | "personalId" | "communeCode" | "provinceCode">): string | null {
  const name = p.fullName ? normalizeName(p.fullName) : "";
  const birth = p.birthDate && p.birthDate.precision !== "year" && p.birthDate.precision !== "month" ? p.birthDate.iso.slice(0, 10) : null;
  const sex = p.sex === "1" || p.sex === "2" ? p.sex : null;
  if (name === "" || birth === null || sex === null) return null;
  const id = (p.personalId ?? "").replace(/[\s.-]/g, "").toUpperCase();
  const place = (p.communeCode ?? "").trim() || (p.provinceCode ?? "").trim();
  return createHash("sha256").update(JSON.stringify([name, birth, sex, id, place])).digest("hex");
}
