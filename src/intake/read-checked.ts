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
  return { read, checked: checked.map((c) => ({ ...c, text: hasErrors(c.findings) ? null : recordText(c.record) })) };
}
