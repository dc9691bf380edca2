/**
 * The episode part of XML1 (QĐ 3176 Bảng 1; standards.md §4.3): times, outcome, departments,
 * insurance cards, settlement and costs. Money and quantities stay strings as sent, integer
 * (`19275432`) or with two decimals (`19275432.00`); nothing is computed in binary floats.
 */
import type { Finding } from "../../checkup/finding.ts";
import type { Moment } from "../../checkup/model.ts";
import { splitList } from "../ksk/fields.ts";
import { parseMoment } from "../moment.ts";
import type { RowReader } from "./fields.ts";
import { vssFinding } from "./findings.ts";
import type { InsuranceCard, VssEncounter } from "./types.ts";
import { CARD_TAGS, COST_TAGS, ENCOUNTER_LISTS, ENCOUNTER_MOMENTS, ENCOUNTER_TEXT, RECORD_TAGS } from "./xml1-tags.ts";

export function readEncounter(xml1: RowReader, sink: Finding[]): VssEncounter {
  const text = Object.fromEntries(Object.entries(ENCOUNTER_TEXT).map(([k, tag]) => [k, xml1.text(tag)])) as Record<
    keyof typeof ENCOUNTER_TEXT,
    string | null
  >;
  const list = (tag: string) => splitList(xml1.text(tag));
  const costs: Record<string, string> = {};
  for (const tag of COST_TAGS) {
    const value = xml1.text(tag);
    if (value !== null) costs[tag] = value;
  }
  return {
    ...text,
    admitted: xml1.moment(ENCOUNTER_MOMENTS.admitted),
    admittedInpatient: xml1.moment(ENCOUNTER_MOMENTS.admittedInpatient),
    discharged: xml1.moment(ENCOUNTER_MOMENTS.discharged),
    departments: list(ENCOUNTER_LISTS.departments),
    traditionalDiagnoses: list(ENCOUNTER_LISTS.traditionalDiagnoses),
    procedureCodes: list(ENCOUNTER_LISTS.procedureCodes),
    newbornWeights: list(ENCOUNTER_LISTS.newbornWeights),
    insuranceCards: readCards(xml1, sink),
    followUps: readMoments(xml1, RECORD_TAGS.followUps, sink),
    settlement: readSettlement(xml1),
    costs,
  };
}

/** MA_THE_BHYT, MA_DKBD, GT_THE_TU, GT_THE_DEN: `;`-lists matched by position (QĐ 3176 Bảng 1 fields 17–20). */
function readCards(xml1: RowReader, sink: Finding[]): InsuranceCard[] {
  const positional = (tag: string) => (xml1.text(tag) ?? "").split(";").map((s) => s.trim());
  const numbers = positional(CARD_TAGS.number);
  const places = positional(CARD_TAGS.firstRegistration);
  const from = positional(CARD_TAGS.validFrom);
  const to = positional(CARD_TAGS.validTo);
  const lengths = [numbers, places, from, to].filter((l) => l.some((s) => s !== "")).map((l) => l.length);
  if (new Set(lengths).size > 1) sink.push(vssFinding("VSS-CARD-LIST", xml1.path(CARD_TAGS.number)));
  const cards: InsuranceCard[] = [];
  numbers.forEach((number, i) => {
    if (number === "") return;
    cards.push({
      number,
      firstRegistration: places[i] || null,
      validFrom: cardDate(from[i], xml1.path(CARD_TAGS.validFrom), sink),
      validTo: cardDate(to[i], xml1.path(CARD_TAGS.validTo), sink),
    });
  });
  return cards;
}

function cardDate(raw: string | undefined, path: string, sink: Finding[]): Moment | null {
  if (!raw) return null;
  const m = parseMoment(raw);
  if (m === null) sink.push(vssFinding("VSS-DATE-INVALID", path));
  return m;
}

function readMoments(xml1: RowReader, tag: string, sink: Finding[]): Moment[] {
  return splitList(xml1.text(tag)).flatMap((raw) => {
    const m = parseMoment(raw);
    if (m === null) sink.push(vssFinding("VSS-DATE-INVALID", xml1.path(tag)));
    return m ? [m] : [];
  });
}

/** NAM_QT + THANG_QT (`3` or `03`, both seen in real exports) → `YYYY-MM`. */
function readSettlement(xml1: RowReader): VssEncounter["settlement"] {
  const year = xml1.text(RECORD_TAGS.settlementYear);
  const month = xml1.text(RECORD_TAGS.settlementMonth);
  const m = month !== null && /^\d{1,2}$/.test(month) ? Number(month) : 0;
  const period = year !== null && /^\d{4}$/.test(year) && m >= 1 && m <= 12 ? `${year}-${String(m).padStart(2, "0")}` : null;
  return { year, month, period, paidAt: xml1.moment(RECORD_TAGS.paidAt) };
}
