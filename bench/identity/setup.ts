/**
 * Shared set-up of the identity benchmarks: the registry scenario, its blocking index and the
 * labelled incoming records, generated up front; the million demo people are then let go, so only
 * the compact index stays resident — as in a running hub — and memory and GC figures are its own.
 */
import v8 from "node:v8";
import vm from "node:vm";
import { createBlockingIndex, type BlockingIndex } from "../../src/identity/match/index.ts";
import { incomingStream, type LabelledInput } from "./incoming.ts";
import { buildRegistry, REGISTRY_RATES, type RegistryRates } from "./registry.ts";

export interface BenchSetup {
  index: BlockingIndex;
  inputs: LabelledInput[];
  facts: { registry: number; twins: number; formerIds: number; bhxh: number };
  seconds: { population: number; index: number; incoming: number };
}

/** A full collection, so that memory read after it is what is still reachable. */
export function collect(): void {
  v8.setFlagsFromString("--expose-gc");
  (vm.runInNewContext("gc") as () => void)();
}

export const residentMb = (): number => {
  const m = process.memoryUsage();
  return (m.heapUsed + m.arrayBuffers) / 1e6;
};

export const peakRssMb = (): number => process.resourceUsage().maxRSS / 1024;

const since = (t: number): number => (performance.now() - t) / 1000;

export function benchSetup(seed: number, registrySize: number, records: number, defectScale = 1, rates: RegistryRates = REGISTRY_RATES): BenchSetup {
  let t = performance.now();
  const scenario = buildRegistry(seed, registrySize, rates);
  const population = since(t);
  t = performance.now();
  const index = createBlockingIndex(scenario.registry, { crosswalks: scenario.crosswalks });
  const indexSeconds = since(t);
  t = performance.now();
  const inputs = [...incomingStream(seed, scenario, records, defectScale)];
  return {
    index,
    inputs,
    facts: {
      registry: scenario.registry.length,
      twins: scenario.twins.size,
      formerIds: scenario.crosswalks.formerIds.size,
      bhxh: scenario.crosswalks.insurance.size,
    },
    seconds: { population, index: indexSeconds, incoming: since(t) },
  };
}
