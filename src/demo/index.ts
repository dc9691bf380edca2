/**
 * The demo generator: a seeded population registry, facilities and labelled check-ups, all pure
 * (no I/O, no clock). What boot, tests and benchmarks import.
 */
export { generatePopulation, type PopulationOptions } from "./population.ts";
export { generateFacilities, gs1CheckDigit } from "./facilities.ts";
export { checkupStream, generateCheckups, type CheckupOptions } from "./checkups.ts";
export { DEFAULT_DEFECT_RATES } from "./defects.ts";
export { DEMO_SERVICE_CODES } from "./lab-panel.ts";
export { createRng, deriveSeed, weightedTable, type Rng, type WeightedTable } from "./rng.ts";
export * from "./types.ts";
