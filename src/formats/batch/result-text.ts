/**
 * What the team reads in the result's two added columns: the row's status in Vietnamese and its
 * findings, one per line — code, Vietnamese message, and the column it is about by its header in
 * the template (paths from the shared checks, like `ROW[4]/XML1/SO_CCCD`, name the column too).
 */
import type { Finding } from "../../checkup/finding.ts";
import { buildHeaderIndex, columnOf } from "./header.ts";

export type RowStatus = "accepted" | "unchanged" | "review" | "rejected";

export const STATUS_LABEL: Readonly<Record<RowStatus, string>> = {
  accepted: "Đã nhận",
  unchanged: "Không đổi",
  review: "Cần xem lại",
  rejected: "Bị từ chối",
};

/** Excel holds at most 32,767 characters in a cell. */
const CELL_MAX = 32_000;

export type FindingsText = (findings: readonly Finding[]) => string;

export function createFindingsText(): FindingsText {
  const index = buildHeaderIndex();
  const columnLabel = (path: string): string => {
    const last = path.split("/").pop() ?? "";
    if (/^ROW\[\d+\]$/.test(last) || last === "") return "";
    return ` — cột "${columnOf(index, last)?.header ?? last}"`;
  };
  return (findings) => {
    const ordered = [...findings].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === "error" ? -1 : 1));
    const text = ordered
      .map((f) => `${f.code}: ${f.severity === "warning" ? "(cảnh báo) " : ""}${f.message.vi}${columnLabel(f.path)}`)
      .join("\n");
    return text.length > CELL_MAX ? `${text.slice(0, CELL_MAX)}…` : text;
  };
}
