/** Words for the citizen's access log: each audited action and purpose, in Vietnamese and English. */
import type { LocalText } from "../outcome.ts";

export const AUDIT_ACTIONS = {
  "healthbook.read": { vi: "Xem sổ sức khỏe", en: "Read the health book" },
  "checkup.read": { vi: "Xem một lần khám", en: "Read a check-up" },
  "checkup.pdf": { vi: "Tải bản PDF lần khám", en: "Downloaded a check-up as PDF" },
  "trend.read": { vi: "Xem biểu đồ theo thời gian", en: "Read a trend chart" },
  "share.create": { vi: "Tạo mã chia sẻ", en: "Created a share code" },
  "share.list": { vi: "Xem các mã chia sẻ", en: "Listed the share codes" },
  "share.revoke": { vi: "Thu hồi mã chia sẻ", en: "Revoked a share code" },
  "share.redeem": { vi: "Dùng mã chia sẻ", en: "Used a share code" },
  "break-glass.open": { vi: "Mở truy cập khẩn cấp", en: "Opened emergency access" },
  "changes.read": { vi: "Nhận thông báo có kết quả mới", en: "Was told of a new result" },
  "checkup.verify": { vi: "Kiểm tra mã xác thực bản PDF", en: "Checked a PDF's verification code" },
  "access-log.read": { vi: "Xem nhật ký truy cập", en: "Read the access log" },
} as const satisfies Record<string, LocalText>;
export type AuditAction = keyof typeof AUDIT_ACTIONS;

/** How access was had: the lawful basis shown to the citizen (standards.md §8.1). */
export const PURPOSES = {
  guardian: { vi: "Người giám hộ", en: "Guardian" },
  share: { vi: "Khám chữa bệnh, theo mã chia sẻ của bạn", en: "Treatment, with your share code" },
  "break-glass": { vi: "Truy cập khẩn cấp", en: "Emergency access (break-glass)" },
  vneid: { vi: "Hiển thị trên VNeID", en: "Shown in VNeID" },
  verification: { vi: "Xác thực giấy tờ", en: "Document verification" },
  none: { vi: "Không có căn cứ (bị từ chối)", en: "No basis (refused)" },
} as const satisfies Record<string, LocalText>;
export type Purpose = keyof typeof PURPOSES;

export const isAuditAction = (s: string): s is AuditAction => s in AUDIT_ACTIONS;
export const isPurpose = (s: string): s is Purpose => s in PURPOSES;
