/**
 * Demo facilities of every kind that pushes check-ups (design.md "Who uses it"): hospitals,
 * commune health stations, private clinics and mobile screening teams, with 5-character facility
 * codes (province + serial, standards.md §7.1) and 13-digit GS1-style GLNs (prefix 893).
 */
import { adminUnits, populationProfile, type Commune, type PopulationProfile, type Province } from "../reference/data.ts";
import { pickCommune, placeTables } from "./places.ts";
import { createRng, weightedTable, type Rng } from "./rng.ts";
import { FACILITY_KINDS, type DemoFacility, type FacilityKind } from "./types.ts";

// Commune stations are the most numerous pushers; mobile teams the fewest.
const KIND_WEIGHTS = weightedTable<FacilityKind>([
  ["commune_station", 45],
  ["hospital", 20],
  ["clinic", 25],
  ["mobile_team", 10],
]);

const CLINIC_BRANDS = [
  "An Khang", "Thiện Tâm", "Hòa Bình", "Phúc An", "Tâm Đức", "Hồng Phúc", "Bình An", "Việt Mỹ",
  "Medic Sài Gòn", "Hưng Thịnh", "Thành Công", "Quốc tế Việt Nhật", "Nhân Ái", "Tâm An", "Hoàn Mỹ",
] as const;

/** GS1 check digit for a 12-digit body: weights 1, 3, 1, 3… from the left. */
export function gs1CheckDigit(body: string): string {
  let sum = 0;
  for (let i = 0; i < body.length; i++) sum += Number(body[i]) * (i % 2 === 0 ? 1 : 3);
  return String((10 - (sum % 10)) % 10);
}

const unitWord = (c: Commune): string => c.fullName.slice(0, c.fullName.length - c.name.length).trim().toLowerCase();
const provinceWord = (p: Province): string => (p.type === "city" ? "thành phố" : "tỉnh");

interface Counters {
  serial: Map<string, number>;
  names: Set<string>;
  stationCommunes: Set<string>;
}

function facilityName(rng: Rng, kind: FacilityKind, province: Province, commune: Commune, c: Counters): string {
  const perProvince = (what: string): number => {
    const key = `${province.code}/${what}`;
    const n = (c.serial.get(key) ?? 0) + 1;
    c.serial.set(key, n);
    return n;
  };
  switch (kind) {
    case "hospital":
      return perProvince("hospital") === 1
        ? `Bệnh viện Đa khoa ${provinceWord(province)} ${province.name}`
        : `Bệnh viện Đa khoa khu vực ${commune.name}`;
    case "commune_station":
      return `Trạm Y tế ${unitWord(commune)} ${commune.name}`;
    case "clinic":
      return `Phòng khám Đa khoa ${rng.pick(CLINIC_BRANDS)} ${commune.name}`;
    case "mobile_team":
      return `Đội khám lưu động số ${perProvince("mobile")} ${provinceWord(province)} ${province.name}`;
  }
}

export function generateFacilities(seed: number, count: number): DemoFacility[] {
  const rng = createRng(seed);
  const units = adminUnits();
  const places = placeTables(units, (populationProfile() as unknown as PopulationProfile).provinces);
  const provinceOrder = [...places.provinces.items];
  const counters: Counters = { serial: new Map(), names: new Set(), stationCommunes: new Set() };
  const usedGln = new Set<string>();
  const out: DemoFacility[] = [];

  for (let i = 0; i < count; i++) {
    // The first facilities cover every kind and then every province once; the rest follow population.
    const kind = i < FACILITY_KINDS.length ? (FACILITY_KINDS[i] as FacilityKind) : rng.weighted(KIND_WEIGHTS);
    const province =
      provinceOrder.length > 0 ? (provinceOrder.splice(rng.int(0, provinceOrder.length - 1), 1)[0] as Province) : rng.weighted(places.provinces);
    let commune = pickCommune(rng, places, province.code);
    let name = facilityName(rng, kind, province, commune, counters);
    // One station per commune and no two facilities with one name: redraw the commune a few times,
    // then number the name (large counts in small provinces run out of communes).
    for (let tries = 0; tries < 20 && (counters.names.has(name) || (kind === "commune_station" && counters.stationCommunes.has(commune.code))); tries++) {
      commune = pickCommune(rng, places, province.code);
      name = facilityName(rng, kind, province, commune, counters);
    }
    for (let n = 2; counters.names.has(name); n++) name = `${name.replace(/ \(\d+\)$/, "")} (${n})`;
    counters.names.add(name);
    if (kind === "commune_station") counters.stationCommunes.add(commune.code);

    const serial = (counters.serial.get(province.code) ?? 0) + 1;
    if (serial > 999) throw new Error(`province ${province.code} has no facility serial left`);
    counters.serial.set(province.code, serial);
    const code = province.code + String(serial).padStart(3, "0");
    let gln: string;
    do {
      const body = "893" + String(rng.int(0, 999_999_999)).padStart(9, "0");
      gln = body + gs1CheckDigit(body);
    } while (usedGln.has(gln));
    usedGln.add(gln);
    out.push({ code, gln, name, provinceCode: province.code, communeCode: commune.code, kind, username: `ksk${code}` });
  }
  return out;
}
