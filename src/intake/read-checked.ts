/**
 * The CPU-heavy, pure half of processing a submission: read it into records (the channel's
 * parser), check each record (checkRecords) and serialise what will be stored with its content hash
 * (record-text.ts). No database, no registry, nothing shared: so it runs on a worker thread
 * (read-pool.ts) while the event loop serves requests and talks to the database.
 */
import type { Config } from "../config.ts";
import { hasErrors } from "../checkup/finding.ts";
import { recordText } from "../record/record-text.ts";
import { channelOf } from "./channels/index.ts";
import type { ChannelTools, ReadSummary } from "./channels/channel.ts";
import { checkRecords, type Checked, type Checker } from "./records.ts";
import { observationColumns } from "../record/checkups-repo.ts";
import type { CheckupRecord } from "../checkup/model.ts";
import type { FacilityRow } from "../facility/facilities-repo.ts";

export interface ReadJob {
  /** The stored channel name (channels/index.ts). */
  channel: string;
  body: Uint8Array;
  meta: unknown;
  /** The facility that sent it: a record must carry its codes. */
  facility: Pick<FacilityRow, "code" | "gln">;
  now: Date;
  receivedAt: Date;
}

export interface ReadChecked {
  read: ReadSummary;
  /** Empty when the reading itself failed (`read.findings` has the errors). */
  checked: Checked[];
}

export type ReadTools = ChannelTools & { check: Checker };

export async function readChecked(config: Config, tools: ReadTools, job: ReadJob): Promise<ReadChecked> {
  const { records, ...read } = await channelOf(job.channel).read(job.body, { config }, tools, job.meta);
  if (hasErrors(read.findings)) return { read, checked: [] };
  const { facility, now, receivedAt } = job;
  const checked = checkRecords(records, { facility, now, receivedAt, envelopeFacilityId: read.facilityId, check: tools.check });
  return {
    read,
    checked: checked.map((c) =>
      hasErrors(c.findings) ? { ...c, text: null } : { ...c, text: recordText(c.record), observationColumns: observationColumns(c.record.observations) },
    ),
  };
}

/**
 * The parts of a record the event loop does not touch on the way to storage — the observations
 * (already rendered for the INSERT), the blocks as received, the exams, the history, the inner
 * signatures — are most of its size. A read thread hands a storable record over without them:
 * copying a whole record between threads cost the event loop about as much as a fifth of
 * reading it. They come back from the stored JSON, which is the same record, on first use.
 */
const BULK = ["observations", "blocks", "exams", "history", "signatures"] as const satisfies readonly (keyof CheckupRecord)[];

/** A ReadChecked as a read thread sends it (read-worker.ts); `takeOver` turns it back. */
export interface HandedOver {
  read: ReadSummary;
  checked: (Checked & { bulkInText?: true })[];
}

export function handOver(r: ReadChecked): HandedOver {
  return {
    read: r.read,
    checked: r.checked.map((c) => {
      if (!c.text) return c;
      // The keys stay, as null, so the record taken over keeps its key order.
      const head = { ...c.record } as Record<string, unknown>;
      for (const key of BULK) head[key] = null;
      return { ...c, record: head as unknown as CheckupRecord, bulkInText: true };
    }),
  };
}

export function takeOver(h: HandedOver): ReadChecked {
  return {
    read: h.read,
    checked: h.checked.map(({ bulkInText, ...c }) => (bulkInText && c.text ? { ...c, record: withBulkFrom(c.record, c.text.json) } : c)),
  };
}

/** The record with its bulk read from its JSON text when first asked for (a plain value after that). */
function withBulkFrom(head: CheckupRecord, json: string): CheckupRecord {
  let whole: CheckupRecord | undefined;
  const record = head as unknown as Record<string, unknown>;
  for (const key of BULK) {
    const settle = (value: unknown) => Object.defineProperty(record, key, { value, writable: true, enumerable: true, configurable: true });
    Object.defineProperty(record, key, {
      enumerable: true,
      configurable: true,
      get: () => {
        const value = (whole ??= JSON.parse(json) as CheckupRecord)[key];
        settle(value);
        return value;
      },
      set: settle,
    });
  }
  return head;
}
