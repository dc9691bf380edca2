/** The channels a stored submission can have come through, by their stored name. */
import type { Channel } from "./channel.ts";
import { kskPush } from "./ksk-push.ts";
import { vssGateway } from "./vss-gateway.ts";
import { fhirDocument, fhirTransaction } from "./fhir.ts";
import { batchUpload } from "./batch.ts";

const CHANNELS: Readonly<Record<string, Channel>> = Object.fromEntries(
  [kskPush, vssGateway, fhirTransaction, fhirDocument, batchUpload].map((c) => [c.name, c]),
);

export function channelOf(name: string): Channel {
  const c = CHANNELS[name];
  if (!c) throw new Error(`unknown channel ${name}`);
  return c;
}
