/**
 * The review queue's refusals: stable codes with Vietnamese and English text (outcome.ts). None
 * names a person; ids in a refusal are the caller's own input.
 */
import { conflict, fail, forbidden, invalid, notFound } from "../../outcome.ts";

export const refuse = {
  caseNotFound: (): never =>
    notFound("IDENTITY-CASE-NOT-FOUND", { vi: "Không tìm thấy hồ sơ chờ xác minh.", en: "No such identity case." }),
  decisionNotFound: (): never =>
    notFound("IDENTITY-DECISION-NOT-FOUND", { vi: "Không tìm thấy quyết định.", en: "No such decision." }),
  personNotFound: (path: string): never =>
    fail("not-found", "IDENTITY-PERSON-NOT-FOUND", { vi: "Không tìm thấy người này.", en: "No such person." }, path),
  notInRegistry: (): never =>
    fail("not-found", "IDENTITY-NOT-IN-REGISTRY", { vi: "Số định danh không có trong CSDL dân cư.", en: "The personal ID is not in the population registry." }, "personal_id"),
  caseConflict: (): never =>
    conflict("IDENTITY-CASE-CONFLICT", {
      vi: "Hồ sơ đã thay đổi hoặc đã được người khác quyết định; tải lại rồi quyết định lại.",
      en: "The case changed or was decided by someone else; reload it and decide again.",
    }),
  caseClosed: (): never =>
    conflict("IDENTITY-CASE-CLOSED", { vi: "Hồ sơ đã được quyết định; hãy hoàn tác quyết định trước.", en: "The case is already decided; undo that decision first." }),
  personMerged: (path: string): never =>
    fail("conflict", "IDENTITY-PERSON-MERGED", { vi: "Người này đã được gộp vào người khác.", en: "This person was merged into another." }, path),
  samePerson: (): never =>
    invalid("IDENTITY-SAME-PERSON", { vi: "Không thể gộp một người vào chính họ.", en: "A person cannot be merged into itself." }, "into_person_id"),
  checkupNotHeld: (): never =>
    fail("conflict", "IDENTITY-CHECKUP-NOT-HELD", { vi: "Có lần khám không thuộc người này.", en: "A check-up does not belong to this person." }, "checkup_ids"),
  alreadyUndone: (): never =>
    conflict("IDENTITY-DECISION-UNDONE", { vi: "Quyết định này đã được hoàn tác.", en: "This decision was already undone." }),
  undoNotUndoable: (): never =>
    conflict("IDENTITY-UNDO-NOT-UNDOABLE", { vi: "Không thể hoàn tác một lần hoàn tác; hãy quyết định lại.", en: "An undo cannot be undone; decide again instead." }),
  undoStale: (): never =>
    conflict("IDENTITY-UNDO-STALE", {
      vi: "Dữ liệu đã thay đổi sau quyết định này; hãy hoàn tác các quyết định sau trước.",
      en: "Things changed after this decision; undo the later decisions first.",
    }),
  outsideScope: (): never =>
    forbidden("ACCESS-SCOPE", { vi: "Ngoài phạm vi tỉnh được giao.", en: "Outside your province." }),
  registryUnavailable: (): never =>
    fail("processing", "IDENTITY-REGISTRY-UNAVAILABLE", {
      vi: "CSDL dân cư tạm thời không phản hồi; vui lòng thử lại sau.",
      en: "The population registry is not answering; try again later.",
    }),
  linkTargetProvisional: (): never =>
    invalid("IDENTITY-LINK-TARGET", {
      vi: "Chỉ liên kết được với người trong CSDL dân cư hoặc người đã xác lập; để gộp hai hồ sơ chờ, dùng gộp người.",
      en: "Link to a registry or an established person only; to join two waiting persons, merge them.",
    }, "person_id"),
  matcherUnavailable: (): never =>
    fail("processing", "IDENTITY-MATCHER-UNAVAILABLE", {
      vi: "Chưa thể đối chiếu danh tính tại đây (CSDL dân cư ở xa hoặc chỉ mục chưa sẵn sàng).",
      en: "Identity matching is not available here (remote registry, or the index is not ready).",
    }),
};
