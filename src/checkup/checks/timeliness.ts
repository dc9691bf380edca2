/**
 * "Sống" (current): an exam cannot lie in the future (with 10 minutes for facility clocks that run
 * fast) — an error; a check-up received more than 24 hours after the exam is kept with a warning,
 * the delivery deadline tracked by standards.md §1 item 15 and §5.2 ("returned within 24 h").
 * A day-precision exam is taken at its first minute for "future" and its last for "late", so
 * neither check fires on a time the facility did not send.
 */
import { finding } from "../finding.ts";
import { endOf, startOf } from "../age.ts";
import { fieldPath, type Check } from "./context.ts";

export const CLOCK_SKEW_MS = 10 * 60_000;
export const LATE_AFTER_MS = 24 * 60 * 60_000;

export const checkTimeliness: Check = ({ record, ctx }, out) => {
  if (!record.examTime) return;
  const path = fieldPath(record, "NGAY_VAO");
  const start = startOf(record.examTime);
  if (start && start.getTime() > ctx.now.getTime() + CLOCK_SKEW_MS) {
    out.push(finding("KSK-EXAM-IN-FUTURE", "error", path,
      "Thời gian khám (NGAY_VAO) ở tương lai so với thời điểm tiếp nhận.",
      "The exam time (NGAY_VAO) is in the future."));
    return;
  }
  const end = endOf(record.examTime);
  if (end && ctx.receivedAt.getTime() - end.getTime() > LATE_AFTER_MS) {
    out.push(finding("KSK-LATE-PUSH", "warning", path,
      "Hồ sơ được gửi lên hơn 24 giờ sau khi khám; vẫn được tiếp nhận.",
      "The check-up arrived more than 24 hours after the exam; it is kept."));
  }
};
