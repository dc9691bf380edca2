/**
 * A channel is one way check-ups reach the hub (the Ministry's push, the Social Security gateway,
 * FHIR, spreadsheets): how a stored request is read into records, and how the hub answers in that
 * channel's own shape. Everything between — checks, identity, storage — is shared (design.md:
 * "a format is an adapter at the edge, never a special case inside").
 */
import type { Deps } from "../../deps.ts";
import type { Finding } from "../../checkup/finding.ts";
import type { ParsedRecord } from "../../formats/types.ts";
import type { FacilityRow } from "../../facility/facilities-repo.ts";
import type { RecordResult } from "../receipt.ts";
import type { FhirValidator } from "../../formats/fhir/validate.ts";

export interface Answer {
  httpStatus: number;
  body: unknown;
}

export interface ChannelRead {
  facilityId: string | null;
  records: ParsedRecord[];
  findings: Finding[];
  /** Visit kind per record index (GIAMDINHHS: encounters besides check-ups). */
  kinds?: ReadonlyMap<number, "checkup" | "encounter">;
  /** What the channel's answer needs of its own reading (FHIR: the entries of the Bundle). */
  extra?: unknown;
}

/** What processing keeps of a reading once its records have been checked (read-checked.ts). */
export type ReadSummary = Omit<ChannelRead, "records">;

/** Heavy, read-only helpers a channel may need, built once per hub (pipeline.ts). */
export interface ChannelTools {
  fhirValidator(): FhirValidator;
}

export type ChannelOutcome =
  | { kind: "done"; results: RecordResult[]; findings: Finding[]; read: ReadSummary }
  | { kind: "invalid"; findings: Finding[] }
  | { kind: "received" }
  | { kind: "gave-up" };

export interface AnswerContext {
  submissionId: string;
  facility: FacilityRow;
  /** The stored request, for channels whose answer echoes it (msg_id, sender_id). */
  body: Uint8Array;
  receivedAt: Date;
  meta?: unknown;
}

export interface Channel {
  name: string;
  /** Pure but for the settings: it may run on a worker thread (read-checked.ts). */
  read(body: Uint8Array, deps: Pick<Deps, "config">, tools: ChannelTools, meta: unknown): ChannelRead | Promise<ChannelRead>;
  /** May be asynchronous: the push channel signs its answer off the event loop (signature.ts). */
  answer(deps: Deps, ctx: AnswerContext, outcome: ChannelOutcome): Answer | Promise<Answer>;
}
