import { describe, expect, it } from "vitest";
import { serialize, deserialize } from "node:v8";
import { buildCheckup, buildChildCheckup } from "../../test/factories/checkup.ts";
import { envelope } from "../../test/hub.ts";
import { buildPush } from "./push-client.ts";
import { generateKeyPairSync } from "node:crypto";
import { loadConfig } from "../config.ts";
import { createChecks } from "./pipeline.ts";
import { handOver, readChecked, takeOver, type ReadChecked } from "./read-checked.ts";

const key = generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey;
const now = new Date("2026-11-20T03:00:00Z");

async function read(xml: string): Promise<ReadChecked> {
  const { body } = buildPush({ senderId: "8930000000017", xml, key, now });
  return readChecked(loadConfig({}), createChecks(), {
    channel: "ksk-push", body: Buffer.from(body), meta: null, facility: { code: "01013", gln: "8930000000017" }, now, receivedAt: now,
  });
}

describe("handing a read submission over from a read thread", () => {
  it("gives back records equal to the ones read, key for key and in the same order", async () => {
    const direct = await read(envelope([buildCheckup({ maLk: "HO-1" }), buildChildCheckup({ maLk: "HO-2" }), buildCheckup({ maLk: "HO-1" })]));
    // What crosses between threads is a structured clone, as here.
    const back = takeOver(deserialize(serialize(handOver(direct))));
    expect(direct.checked.map((c) => c.text === null)).toEqual([false, false, true]); // the repeated MA_LK is rejected
    expect(back.read).toEqual(direct.read);
    back.checked.forEach((c, i) => {
      const d = direct.checked[i]!;
      expect(c.findings).toEqual(d.findings);
      expect(c.text).toEqual(d.text);
      expect(c.observationColumns).toEqual(d.observationColumns);
      expect(Object.keys(c.record)).toEqual(Object.keys(d.record));
      expect(JSON.stringify(c.record)).toBe(JSON.stringify(d.record));
      expect(c.record).toEqual(d.record);
    });
  });

  it("leaves the bulk of a storable record out of what crosses, and lets the record be changed after", async () => {
    const direct = await read(envelope([buildCheckup({ maLk: "HO-3" })]));
    const sent = handOver(direct);
    expect(sent.checked[0]!.record.observations).toBeNull();
    expect(sent.checked[0]!.record.blocks).toBeNull();
    expect(serialize(sent.checked[0]!.record).length).toBeLessThan(serialize(direct.checked[0]!.record).length / 3);
    const record = takeOver(deserialize(serialize(sent))).checked[0]!.record;
    record.observations = [];
    expect(record.observations).toEqual([]);
    expect(record.blocks).toEqual(direct.checked[0]!.record.blocks);
  });
});
