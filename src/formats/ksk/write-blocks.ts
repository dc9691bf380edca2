/**
 * One record → its QĐ 2062 blocks (standards.md §5.8), the reverse of the readers: XML1/XML2 always,
 * the child blocks (XML3–XML6, XML8) or the ≥ 6 ones (XML9–XML12) by age group, each written only
 * when it has something to say. Model fields win; fields only kept in `blocks` are passed through.
 */
import type { AgeGroup, CheckupRecord, Condition, Moment } from "../../checkup/model.ts";
import { formatMomentDigits, formatMomentIso } from "../moment.ts";
import { BIRTH_DATE_TAG, GUARDIAN_TAGS, PERSON_TAGS, REASON_TAG, VISIT_TAGS } from "./admin.ts";
import { BLOCK_ROOTS } from "./block-types.ts";
import { CLS_TAGS } from "./cls.ts";
import { CONCLUSION_TAGS } from "./conclusion.ts";
import { BLOOD_PRESSURE, FORM_FIELDS } from "./form-fields.ts";
import { isXml1HistoryTag } from "./history.ts";
import { EXAM_TAGS, examNodes } from "./write-exams.ts";
import { placeObservations, type Placement } from "./write-observations.ts";
import { passThrough } from "./write-received.ts";
import { leaf, node, optionalLeaf, type XmlNode } from "./write-xml.ts";

export interface BlockOptions {
  birthDateFormat: "digits" | "iso";
  conclusionRoot: "KET_LUAN" | "KET_LUAN_VA_TU_VAN";
  /** Signatures the envelope carries; a record's differing `CKS_*` go into its conclusion block. */
  envelopeSignatures: Readonly<Record<string, string>>;
}

export interface WrittenBlock {
  type: string;
  root: string;
  children: XmlNode[];
}

const TYPE_OF: Record<AgeGroup, string> = { child_under_6: "ChildUnder", minor_6_18: "Minor", adult: "Adult" };

export function recordBlocks(record: CheckupRecord, options: BlockOptions): WrittenBlock[] {
  const child = record.ageGroup === "child_under_6";
  const placed = placeObservations(record.observations, record.ageGroup);
  const blocks: WrittenBlock[] = [
    block("XML1", xml1(record, child, options.birthDateFormat)),
    block("XML2", xml2(record)),
    block("XML3", formBlock(record, placed, "XML3")),
    block("XML4", formBlock(record, placed, "XML4")),
    block("XML5", passThrough(record, "XML5", () => false)),
    block("XML6", passThrough(record, "XML6", () => false)),
    block("XML7", xml7(record, placed, child)),
    ...(child ? [block("XML8", conclusionNodes(record, "XML8", options))] : []),
    block("XML9", xml9(record, child)),
    block("XML10", [...formBlock(record, placed, "XML10"), ...examNodes(record, "XML10")]),
    block("XML11", xml11(record, placed)),
    ...(child ? [] : [block("XML12", conclusionNodes(record, "XML12", options), options.conclusionRoot)]),
  ];
  return blocks.filter((b) => b.type === "XML1" || b.type === "XML2" || hasContent(b.children));
}

function block(type: string, children: XmlNode[], root?: string): WrittenBlock {
  return { type, root: root ?? BLOCK_ROOTS[type]?.[0] ?? type, children };
}

const hasContent = (nodes: readonly XmlNode[]): boolean =>
  nodes.some((n) => ("children" in n ? n.children.length > 0 : n.text !== null));

/** Tags the model knows that the QĐ 2062 tables do not list: written only when they hold a value. */
const OPTIONAL_TAGS = new Set(["MA_QUOC_TICH", "KHONG_KINH_HAI_MAT", "CO_KINH_HAI_MAT", CLS_TAGS.resultTime]);

const XML1_MANAGED = new Set<string>([
  ...Object.values(PERSON_TAGS).flat(),
  BIRTH_DATE_TAG,
  ...Object.values(GUARDIAN_TAGS).flatMap((g) => Object.values(g).flat()),
  REASON_TAG,
  ...Object.values(VISIT_TAGS).flat(),
]);

function xml1(record: CheckupRecord, child: boolean, dateFormat: BlockOptions["birthDateFormat"]): XmlNode[] {
  const p = record.patient;
  const guardian = (kind: "accompanying" | "guardian") => record.guardians.find((g) => g.kind === kind);
  const nodes: XmlNode[] = [
    leaf("HO_TEN", p.fullName),
    leaf(BIRTH_DATE_TAG, birthDate(p.birthDate, dateFormat)),
  ];
  for (const [field, tags] of Object.entries(PERSON_TAGS)) {
    if (field === "fullName") continue;
    const tag = tags[0];
    const make = OPTIONAL_TAGS.has(tag ?? "") ? optionalLeaf : leaf;
    if (tag !== undefined) nodes.push(make(tag, p[field as keyof typeof PERSON_TAGS]));
  }
  for (const kind of ["accompanying", "guardian"] as const) {
    const g = guardian(kind);
    const tags = GUARDIAN_TAGS[kind];
    for (const field of ["fullName", "personalId", "relationship", "phone"] as const) {
      const tag = tags[field][0];
      if (tag !== undefined) nodes.push(leaf(tag, g?.[field] ?? null));
    }
  }
  nodes.push(leaf(REASON_TAG, record.reason));
  if (child) nodes.push(...historyNodes(record, isXml1HistoryTag));
  nodes.push(...passThrough(record, "XML1", (tag) => XML1_MANAGED.has(tag) || isXml1HistoryTag(tag)));
  return nodes;
}

function birthDate(m: Moment | null, format: BlockOptions["birthDateFormat"]): string | null {
  if (!m) return null;
  return format === "iso" ? formatMomentIso(m) : formatMomentDigits(m, 12);
}

function xml2(record: CheckupRecord): XmlNode[] {
  const type = record.formType ?? (record.ageGroup ? TYPE_OF[record.ageGroup] : null);
  const managed = new Set<string>([...Object.values(VISIT_TAGS).flat(), REASON_TAG]);
  return [
    leaf(VISIT_TAGS.maLk[0], record.maLk),
    leaf(VISIT_TAGS.facilityCode[0], record.facilityCode),
    leaf(VISIT_TAGS.facilityGln[0], record.facilityGln),
    leaf(VISIT_TAGS.formType[0], type),
    leaf(VISIT_TAGS.targetGroups[0], record.targetGroups.length > 0 ? record.targetGroups.join(";") : null),
    leaf(VISIT_TAGS.fundingSource[0], record.fundingSource),
    leaf(VISIT_TAGS.visitType[0], record.visitType),
    leaf(VISIT_TAGS.examTime[0], record.examTime ? formatMomentDigits(record.examTime, 12) : null),
    ...passThrough(record, "XML2", (tag) => managed.has(tag)),
  ];
}

function formBlock(record: CheckupRecord, placed: Placement, type: "XML3" | "XML4" | "XML10"): XmlNode[] {
  const defs = FORM_FIELDS.filter((f) => f.block === type);
  const tags = defs.flatMap((f) => (f.assessment ? [f.tag, f.assessment] : [f.tag]));
  if (type === BLOOD_PRESSURE.block) tags.push(BLOOD_PRESSURE.tag);
  const managed = new Set([...tags, ...EXAM_TAGS]);
  return [
    ...tags.map((tag) => leaf(tag, placed.fields.get(`${type}/${tag}`) ?? null)),
    ...passThrough(record, type, (tag) => managed.has(tag)),
  ];
}

function xml7(record: CheckupRecord, placed: Placement, child: boolean): XmlNode[] {
  const form = FORM_FIELDS.filter((f) => f.block === "XML7");
  const managed = new Set([...form.map((f) => f.tag), ...EXAM_TAGS]);
  const written = new Set(EXAM_TAGS);
  // Doctors' signatures the exams do not carry still belong with the clinical exam.
  const loose = Object.entries(record.signatures).filter(
    ([tag]) => tag.startsWith("CKDT_") && tag !== CLS_TAGS.signature && !written.has(tag),
  );
  return [
    // Acuity and hearing distances are not on the under-6 form.
    ...form.map((f) => (child || OPTIONAL_TAGS.has(f.tag) ? optionalLeaf : leaf)(f.tag, placed.fields.get(`XML7/${f.tag}`) ?? null)),
    ...examNodes(record, "XML7"),
    ...loose.map(([tag, value]) => leaf(tag, value)),
    ...passThrough(record, "XML7", (tag) => managed.has(tag)),
  ];
}

function xml9(record: CheckupRecord, child: boolean): XmlNode[] {
  return historyNodes(record, (tag) => !child || !isXml1HistoryTag(tag));
}

/** The history map as sent, plus the ICD lists of history conditions the map lacks (QĐ 2062 XML9). */
function historyNodes(record: CheckupRecord, accept: (tag: string) => boolean): XmlNode[] {
  const fields: Record<string, string> = { ...record.history };
  const lists: [string, Condition["kind"]][] = [
    ["TSGD_MA_BENH", "family-history"],
    ["TSBT_MA_BENH", "personal-history"],
  ];
  for (const [tag, kind] of lists) {
    if ((fields[tag] ?? "") !== "") continue;
    const listed = icdList(record.conditions.filter((c) => c.kind === kind && !fromHistoryField(record, c)));
    if (listed !== null) fields[tag] = listed;
  }
  return Object.entries(fields)
    .filter(([tag]) => accept(tag))
    .map(([tag, value]) => leaf(tag, value));
}

/** A condition read from a history field that is still in the map needs no second copy. */
function fromHistoryField(record: CheckupRecord, c: Condition): boolean {
  const tag = c.path.split("/").pop() ?? "";
  return (record.history[tag] ?? "") !== "";
}

function xml11(record: CheckupRecord, placed: Placement): XmlNode[] {
  const signed = record.signatures[CLS_TAGS.signature] ?? null;
  const rows = placed.rows.map((o) => {
    const value = o.valueRaw ?? (o.value !== null ? String(o.value) : o.valueText);
    const unit = o.valueRaw === null && o.value !== null ? o.unit : o.unitRaw;
    return node("CHI_TIET_CLS", [
      leaf(CLS_TAGS.serviceCode, o.serviceCode),
      leaf(CLS_TAGS.localCode, o.localCode),
      leaf(CLS_TAGS.name, o.name),
      leaf(CLS_TAGS.value, value),
      leaf(CLS_TAGS.unit, unit),
      leaf(CLS_TAGS.description, o.description),
      leaf(CLS_TAGS.conclusion, o.conclusion),
      optionalLeaf(CLS_TAGS.resultTime, o.resultTime ? formatMomentDigits(o.resultTime, 12) : null),
      leaf(CLS_TAGS.signature, o.performer !== signed ? o.performer : null),
    ]);
  });
  return [...(rows.length > 0 ? [node("DANH_SACH_CLS", rows)] : []), leaf(CLS_TAGS.signature, signed)];
}

function conclusionNodes(record: CheckupRecord, type: "XML8" | "XML12", options: BlockOptions): XmlNode[] {
  const c = record.conclusion;
  const diagnoses = record.conditions.filter((x) => x.kind === "diagnosis");
  // XML8 (children) names the problems field GHI_RO_VAN_DE_SUC_KHOE; XML12 CAC_VAN_DE_SUC_KHOE.
  const problemsTag = type === "XML8" ? "GHI_RO_VAN_DE_SUC_KHOE" : "CAC_VAN_DE_SUC_KHOE";
  const own = Object.entries(record.signatures).filter(
    ([tag, value]) => tag.startsWith("CKS_") && options.envelopeSignatures[tag] !== value,
  );
  const managed = new Set(Object.values(CONCLUSION_TAGS).flat());
  // Children's fields in XML12 and the adult ones in XML8 only when they hold something.
  const childField = type === "XML8" ? leaf : optionalLeaf;
  const adultField = type === "XML12" ? leaf : optionalLeaf;
  return [
    adultField("PHAN_LOAI_SK", c.healthClass),
    leaf("KET_LUAN_BENH", c.diseasesText ?? icdList(diagnoses)),
    leaf(problemsTag, c.problems),
    adultField("CAC_BENH_TAT_NEU_CO", c.otherDiseases),
    childField("BINH_THUONG", c.normal),
    childField("NGUY_CO_MAC_LAO", c.tbRisk),
    childField("HEN_KHAM_LAN_SAU", c.nextAppointment),
    childField("CHUYEN_CSKCB", c.referral),
    ...own.map(([tag, value]) => leaf(tag, value)),
    ...passThrough(record, type, (tag) => managed.has(tag)),
  ];
}

/** `I10 Tăng huyết áp; E11` from conditions (QĐ 2062: ICD-10 codes separated by `;`). */
function icdList(conditions: readonly Condition[]): string | null {
  if (conditions.length === 0) return null;
  return conditions.map((c) => (c.text ? `${c.icd10} ${c.text}` : c.icd10)).join("; ");
}
