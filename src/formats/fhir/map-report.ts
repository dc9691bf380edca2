/**
 * DiagnosticReport (standards.md §9.1: KSK XML11 grouped by `MA_DICH_VU`; `conclusion` =
 * `KET_LUAN`). Its results take the service code; with a single result the conclusion is that
 * result's own (a KSK CLS row carries its KET_LUAN). A report concluding several results, or none
 * (imaging, ECG), becomes a row of its own named after the report.
 */
import type { DiagnosticReport } from "@medplum/fhirtypes";
import type { Finding } from "../../checkup/finding.ts";
import type { Observation, ObservationCategory } from "../../checkup/model.ts";
import { observation } from "../ksk/observations.ts";
import type { CodeIndex } from "./code-index.ts";
import { categoryFromCatalogue, codedAs, readMomentAt, type ReportContext } from "./map-observation.ts";
import { CS, STD } from "./systems.ts";
import { codeIn, conceptText, text } from "./values.ts";

/** HL7 v2 table 0074 diagnostic service sections → row category. */
const SECTIONS: Readonly<Record<string, ObservationCategory>> = {
  RAD: "imaging",
  RX: "imaging",
  CT: "imaging",
  NMR: "imaging",
  US: "imaging",
  VUS: "imaging",
  EC: "exam",
  CTH: "exam",
  PF: "exam",
  LAB: "laboratory",
  HM: "laboratory",
  CH: "laboratory",
  SP: "laboratory",
  MB: "laboratory",
  IMM: "laboratory",
  SR: "laboratory",
  CP: "laboratory",
  BLB: "laboratory",
  SC: "laboratory",
};

export interface ReportRead {
  /** Result entry index → what the report adds to it. */
  results: Map<number, ReportContext>;
  /** The report's own row, when it concludes more (or less) than one result. */
  row: Observation | null;
}

export function readReport(
  dr: DiagnosticReport,
  results: readonly number[],
  ctx: { codes: CodeIndex; path: string; performer: string | null },
  sink: Finding[],
): ReportRead {
  const serviceCode = codeIn(dr.code, CS.maDichVu);
  const conclusion = text(dr.conclusion) ?? conceptText(dr.conclusionCode?.[0]);
  const single = results.length === 1;
  const map = new Map(results.map((i) => [i, { serviceCode, conclusion: single ? conclusion : null }]));
  if (conclusion === null || single) return { results: map, row: null };
  const { lo, hit, local } = codedAs(ctx.codes, dr.code);
  const section = dr.category?.map((c) => codeIn(c, STD.diagnosticServiceSection)).find((c) => c !== null);
  const row: Observation = {
    ...observation({
      key: hit?.key ?? null,
      category: (section ? SECTIONS[section] : undefined) ?? categoryFromCatalogue(hit?.category),
      name: conceptText(dr.code) ?? hit?.nameVi ?? "",
      path: ctx.path,
      serviceCode,
      localCode: serviceCode === local ? null : local,
      conclusion,
      resultTime: readMomentAt(dr.effectiveDateTime ?? dr.effectivePeriod?.start ?? dr.issued, ctx.path, sink),
      performer: ctx.performer,
    }),
    loinc: lo,
  };
  return { results: map, row };
}
