/** Invented rows for the reader benchmarks (bench-csv.ts, bench-xlsx.ts): seeded, so every run is the same. */
import { spawnSync } from "node:child_process";
import type { BatchContext } from "./types.ts";

export const benchContext = (): BatchContext => ({
  programme: { organisation: "Công ty TNHH Ví Dụ", kind: "company", round: "2026-D1", team: "Đội 1", place: "Hà Nội", date: "20/11/2026" },
  facilityCode: "01001",
});

const FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ"];
const MIDDLE = ["Văn", "Thị", "Minh", "Ngọc", "Quốc", "Thu", "Đức", "Thanh"];
const GIVEN = ["An", "Bình", "Chi", "Dũng", "Hà", "Hùng", "Lan", "Mai", "Nam", "Phương", "Sơn", "Tâm"];

/** A small seeded generator (xorshift32), so every run writes the same file. */
export function random(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 4_294_967_296;
  };
}

/** One invented person with the measures a company screening records. */
export function benchRow(n: number, rnd: () => number): Record<string, string> {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)] as T;
  const sex = rnd() < 0.5 ? "1" : "2";
  const year = 1950 + Math.floor(rnd() * 60);
  const day = String(1 + Math.floor(rnd() * 28)).padStart(2, "0");
  const month = String(1 + Math.floor(rnd() * 12)).padStart(2, "0");
  const height = 145 + Math.floor(rnd() * 40);
  const weight = (45 + rnd() * 40).toFixed(1);
  return {
    STT: String(n),
    HO_TEN: `${pick(FAMILY)} ${pick(MIDDLE)} ${pick(GIVEN)}`,
    NGAY_SINH: `${day}/${month}/${year}`,
    GIOI_TINH: sex,
    SO_CCCD: `0010${sex === "1" ? "8" : "9"}${String(year % 100).padStart(2, "0")}${String(n % 1_000_000).padStart(6, "0")}`.slice(0, 12),
    MA_DAN_TOC: "01",
    DIA_CHI: `Số ${1 + Math.floor(rnd() * 200)} ngõ ${1 + Math.floor(rnd() * 90)} phố Kim Mã`,
    MATINH_CU_TRU: "01",
    MAXA_CU_TRU: "00004",
    DIEN_THOAI: `09${String(Math.floor(rnd() * 1e8)).padStart(8, "0")}`,
    LOP_BO_PHAN: `Phòng ${1 + Math.floor(rnd() * 9)}`,
    CHIEU_CAO: String(height),
    CAN_NANG: weight,
    CHI_SO_BMI: (Number(weight) / (height / 100) ** 2).toFixed(1),
    MACH: String(60 + Math.floor(rnd() * 40)),
    HUYET_AP: `${100 + Math.floor(rnd() * 60)}/${60 + Math.floor(rnd() * 30)}`,
    VONG_BUNG: String(65 + Math.floor(rnd() * 40)),
    KHONG_KINH_MAT_PHAI: `${5 + Math.floor(rnd() * 6)}/10`,
    KHONG_KINH_MAT_TRAI: `${5 + Math.floor(rnd() * 6)}/10`,
    GLUCOSE: (4 + rnd() * 4).toFixed(1),
    CHOLESTEROL: (3.5 + rnd() * 3).toFixed(1),
    PHAN_LOAI_SK: String(1 + Math.floor(rnd() * 3)),
    KET_LUAN_BENH: rnd() < 0.2 ? "I10 - Tăng huyết áp" : "",
    BAC_SI_KET_LUAN: "BS. Trần Văn Bình",
  };
}


/**
 * Runs this same script again with `--write <path>` in a child process, so that the memory the
 * writer used is not counted in the reader's resident size.
 */
export function writeInChild(path: string, args: readonly string[]): void {
  const script = process.argv[1];
  if (script === undefined) throw new Error("no script path");
  const child = spawnSync(process.execPath, [...process.execArgv, script, ...args, "--write", path], { stdio: "inherit" });
  if (child.status !== 0) throw new Error(`writer exited with ${String(child.status)}`);
}
