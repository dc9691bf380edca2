/**
 * The Social Security gateway channel (QĐ 130/4750/3176, standards.md §3.4): a facility's software
 * posts `fileHSBase64` (the whole GIAMDINHHS file) as it does to the gateway, and gets the
 * gateway's answer shape — `maKetQua`, `maGiaoDich`, `thoiGianTiepNhan` (`yyyyMMddHHmmss`),
 * `thongDiep` — plus hoso's per-visit results (`chiTiet`), which gateway clients ignore.
 * Visits of type 15 (periodic check-up) and 16 (screening) are check-ups; the others encounters.
 */
import { parseVss } from "../../formats/vss/parse.ts";
import { finding } from "../../checkup/finding.ts";
import type { Channel } from "./channel.ts";
import { statusUrl } from "./ksk-push.ts";

export interface GatewayRequest {
  username: string | null;
  maCSKCB: string | null;
  maTinh: string | null;
  loaiHoSo: string | null;
  fileHSBase64: string | null;
}

/** The stored request is the body as received: JSON, or form fields. */
export function readGatewayRequest(body: Uint8Array): GatewayRequest {
  const text = Buffer.from(body).toString("utf8").trim();
  let fields: Record<string, unknown> = {};
  if (text.startsWith("{")) {
    try {
      const v = JSON.parse(text) as unknown;
      if (typeof v === "object" && v !== null) fields = v as Record<string, unknown>;
    } catch {
      fields = {};
    }
  } else fields = Object.fromEntries(new URLSearchParams(text));
  const str = (k: string) => (typeof fields[k] === "string" && fields[k] !== "" ? (fields[k] as string) : null);
  return { username: str("username"), maCSKCB: str("maCSKCB"), maTinh: str("maTinh"), loaiHoSo: str("loaiHoSo"), fileHSBase64: str("fileHSBase64") };
}

/** `yyyyMMddHHmmss` in Vietnam time (UTC+7), as the gateway writes it. */
export function gatewayTime(d: Date): string {
  return new Date(d.getTime() + 7 * 3_600_000).toISOString().replace(/[-T:]/g, "").slice(0, 14);
}

export const vssGateway: Channel = {
  name: "vss-gateway",
  read(body) {
    const req = readGatewayRequest(body);
    if (!req.fileHSBase64) {
      return { facilityId: null, records: [], findings: [finding("VSS-FILE-MISSING", "error", "fileHSBase64", "Thiếu fileHSBase64.", "fileHSBase64 is missing.")] };
    }
    const bytes = Buffer.from(req.fileHSBase64, "base64");
    if (bytes.length === 0 || !/^[A-Za-z0-9+/=\s]+$/.test(req.fileHSBase64)) {
      return { facilityId: null, records: [], findings: [finding("VSS-FILE-NOT-BASE64", "error", "fileHSBase64", "fileHSBase64 không phải base64.", "fileHSBase64 is not base64.")] };
    }
    const parsed = parseVss(bytes);
    // A later XML1 for the same (MA_CSKCB, MA_LK) in one file replaces the whole visit (§1 item 6).
    const current = parsed.visits.filter((v) => v.replacedBy === null);
    return {
      facilityId: parsed.facilityId,
      records: current,
      findings: parsed.findings,
      kinds: new Map(current.map((v) => [v.record.index, v.kind])),
    };
  },
  answer(deps, ctx, outcome) {
    const base = { maGiaoDich: ctx.submissionId, thoiGianTiepNhan: gatewayTime(ctx.receivedAt) };
    switch (outcome.kind) {
      case "received":
        return { httpStatus: 202, body: { maKetQua: "200", ...base, thongDiep: "Đã nhận hồ sơ; đang xử lý.", trangThai: "received", status_url: statusUrl(ctx.submissionId) } };
      case "gave-up":
        return { httpStatus: 500, body: { maKetQua: "500", ...base, thongDiep: "Không xử lý được hồ sơ sau nhiều lần thử." } };
      case "invalid":
        return { httpStatus: 400, body: { maKetQua: "400", ...base, thongDiep: "Tệp GIAMDINHHS không đọc được.", canhBao: outcome.findings } };
      case "done": {
        const ok = outcome.results.filter((r) => r.outcome !== "rejected").length;
        return {
          httpStatus: 200,
          body: {
            maKetQua: ok > 0 || outcome.results.length === 0 ? "200" : "400",
            ...base,
            thongDiep: `Đã tiếp nhận ${ok}/${outcome.results.length} hồ sơ.`,
            trangThai: "done",
            status_url: statusUrl(ctx.submissionId),
            chiTiet: outcome.results,
            canhBao: outcome.findings,
          },
        };
      }
    }
  },
};
