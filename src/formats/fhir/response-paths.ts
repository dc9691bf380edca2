/**
 * Where a finding on a FHIR record belongs in the response: which entry, and which FHIRPath. The
 * parser's findings already carry `Bundle.entry[N]…`; the checks name canonical fields the KSK way
 * (`Bundle.entry[0]/XML2/MA_LK`, checks/context.ts `fieldPath`), which this table turns back into
 * the element the value came from (map-record.ts, map-patient.ts).
 */
import type { RecordSource } from "./map-record.ts";

type Role = "patient" | "encounter" | "organization" | "anchor";

/** KSK field → (resource, element) it is read from in a FHIR check-up. */
const FIELDS: Readonly<Record<string, readonly [Role, string]>> = {
  HO_TEN: ["patient", "name"],
  NGAY_SINH: ["patient", "birthDate"],
  GIOI_TINH: ["patient", "gender"],
  SO_CCCD: ["patient", "identifier"],
  NGAYCAP_CCCD: ["patient", "identifier"],
  MA_DAN_TOC: ["patient", "extension"],
  NHOM_MAU: ["patient", ""],
  MATINH_CU_TRU: ["patient", "address"],
  MAXA_CU_TRU: ["patient", "address"],
  MAHUYEN_CU_TRU: ["patient", "address"],
  HO_TEN_NGUOI_DI_CUNG: ["patient", "contact"],
  NGUOI_GIAM_HO: ["patient", "contact"],
  SO_CCCD_NGUOI_DI_CUNG: ["patient", "contact"],
  SO_CCCD_NGH: ["patient", "contact"],
  MA_LK: ["encounter", "identifier"],
  NGAY_VAO: ["encounter", "period.start"],
  MA_LOAI_KCB: ["encounter", "type"],
  DOI_TUONG: ["encounter", "extension"],
  NGUON_CHI_TRA: ["encounter", "extension"],
  TYPE: ["encounter", "extension"],
  LY_DO_VV: ["encounter", "reasonCode"],
  MA_CSKCB: ["organization", "identifier"],
  MA_GTIN_CSKCB: ["organization", "identifier"],
  PHAN_LOAI_SK: ["anchor", ""],
  KET_LUAN_BENH: ["anchor", ""],
};

export interface Located {
  entry: number;
  /** FHIRPath from the Bundle, e.g. `Bundle.entry[2].resource.identifier`. */
  expression: string;
}

const ENTRY = /Bundle\.entry\[(\d+)\][^/]*$/;

/** Where the reference to a missing resource should have been. */
const MISSING: Readonly<Record<Role, string>> = { patient: "subject", encounter: "encounter", organization: "serviceProvider", anchor: "" };

const at = (entry: number, element: string): Located => ({
  entry,
  expression: `Bundle.entry[${entry}].resource${element === "" ? "" : `.${element}`}`,
});

export function locate(path: string, source: RecordSource): Located {
  const direct = ENTRY.exec(path);
  if (direct) return { entry: Number(direct[1]), expression: direct[0] };
  const field = /([A-Z][A-Z0-9_]*)$/.exec(path)?.[1] ?? "";
  const [role, element] = FIELDS[field] ?? ["anchor", ""];
  const entry = role === "anchor" ? source.anchor : source[role];
  if (entry !== null) return at(entry, element);
  if (role === "organization" && source.encounter !== null) return at(source.encounter, MISSING.organization);
  const documentOrg = role === "organization" && source.composition === source.anchor;
  return at(source.anchor, documentOrg ? "custodian" : MISSING[role]);
}
