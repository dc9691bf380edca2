/**
 * Ethnicity codes (standards.md §7.4) for demo people. The population profile has no ethnicity
 * distribution, so these are rough regional weights chosen to look plausible (Kinh ≈ 85 %
 * nationally per the 2019 census; minorities where they mostly live). Illustrative only: never
 * use them as statistics.
 */
import { weightedTable, type WeightedTable } from "./rng.ts";

type Weights = readonly (readonly [string, number])[];

// Kinh 01, Tày 02, Thái 03, Hoa 04, Khơ-me 05, Mường 06, Nùng 07, H'Mông 08, Dao 09, Gia-rai 10,
// Ê-đê 12, Ba Na 13, Xơ-Đăng 14, Sán Chay 15, Cơ-ho 16, Mnông 20, Giáy 25, Khơ-mú 29, Hà Nhì 35.
const NORTHERN_UPLANDS: Weights = [
  ["01", 40], ["02", 14], ["03", 12], ["08", 14], ["07", 9], ["09", 7], ["25", 1], ["35", 1], ["15", 1], ["29", 1],
];
const MUONG_AREA: Weights = [["01", 85], ["06", 12], ["03", 3]];
const CENTRAL_HIGHLANDS: Weights = [["01", 70], ["10", 9], ["12", 7], ["13", 5], ["16", 4], ["20", 3], ["14", 2]];
const KHMER_AREA: Weights = [["01", 90], ["05", 8], ["04", 2]];
const HO_CHI_MINH: Weights = [["01", 95], ["04", 4], ["05", 1]];
const ELSEWHERE: Weights = [["01", 98], ["02", 0.5], ["06", 0.5], ["04", 0.5], ["07", 0.5]];

const REGION_OF: Readonly<Record<string, Weights>> = {
  "04": NORTHERN_UPLANDS, "08": NORTHERN_UPLANDS, "11": NORTHERN_UPLANDS, "12": NORTHERN_UPLANDS,
  "14": NORTHERN_UPLANDS, "15": NORTHERN_UPLANDS, "19": NORTHERN_UPLANDS, "20": NORTHERN_UPLANDS,
  "25": MUONG_AREA, "38": MUONG_AREA,
  "52": CENTRAL_HIGHLANDS, "66": CENTRAL_HIGHLANDS, "68": CENTRAL_HIGHLANDS,
  "86": KHMER_AREA, "91": KHMER_AREA, "92": KHMER_AREA, "96": KHMER_AREA,
  "79": HO_CHI_MINH,
};

/** One table per province code, built once per generator call. */
export function ethnicityTables(provinceCodes: readonly string[]): ReadonlyMap<string, WeightedTable<string>> {
  const byRegion = new Map<Weights, WeightedTable<string>>();
  const out = new Map<string, WeightedTable<string>>();
  for (const code of provinceCodes) {
    const weights = REGION_OF[code] ?? ELSEWHERE;
    let table = byRegion.get(weights);
    if (!table) {
      table = weightedTable(weights);
      byRegion.set(weights, table);
    }
    out.set(code, table);
  }
  return out;
}
