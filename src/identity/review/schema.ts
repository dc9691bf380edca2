/** The review queue's and who-is-this's inputs: one zod schema per edge (docs/api-identity.md). */
import { z } from "zod";
import { CASE_REASONS, CASE_STATUSES } from "./cases-repo.ts";

const personalId = z.string().regex(/^\d{12}$/, "12 digits");
const version = z.number().int().min(1);
const reason = z.string().trim().min(1).max(1000);

export const idParam = z.object({ id: z.uuid() });

export const caseQuery = z.object({
  status: z.enum(CASE_STATUSES).default("open"),
  province: z.string().regex(/^\d{2}$/, "2 digits").optional(),
  reason: z.enum(CASE_REASONS).optional(),
  after: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const decisionBody = z
  .discriminatedUnion("action", [
    z.object({ action: z.literal("link"), personal_id: personalId.optional(), person_id: z.uuid().optional(), expected_version: version }),
    z.object({ action: z.literal("reject-candidate"), personal_id: personalId, expected_version: version }),
    z.object({ action: z.literal("new-person"), expected_version: version }),
  ])
  .superRefine((d, ctx) => {
    if (d.action === "link" && (d.personal_id === undefined) === (d.person_id === undefined)) {
      ctx.addIssue({ code: "custom", path: ["personal_id"], message: "give personal_id or person_id, not both" });
    }
  });
export type DecisionBody = z.infer<typeof decisionBody>;

export const mergeBody = z.object({ from_person_id: z.uuid(), into_person_id: z.uuid(), reason });

export const unmergeBody = z.object({
  person_id: z.uuid(),
  checkup_ids: z.array(z.uuid()).min(1).max(1000),
  reason,
  into_person_id: z.uuid().optional(),
});

const text = (max: number) => z.string().trim().max(max).optional();

export const whoIsThisBody = z
  .object({
    full_name: text(200),
    birth_date: z.string().trim().regex(/^(\d{8}(\d{4})?|\d{4}(-\d{2}(-\d{2})?)?|\d{1,2}\/\d{1,2}\/\d{4})$/, "yyyymmdd[HHMM], YYYY-MM-DD or dd/mm/yyyy").optional(),
    sex: z.enum(["1", "2", "3"]).optional(),
    personal_id: text(20),
    commune_code: z.string().trim().regex(/^\d{5}$/, "5 digits").optional(),
    province_code: z.string().trim().regex(/^\d{2}$/, "2 digits").optional(),
    address: text(500),
    phone: text(20),
    insurance_number: text(20),
    guardian_personal_id: personalId.optional(),
  })
  .refine((b) => Boolean(b.full_name || b.personal_id || b.insurance_number), {
    message: "full_name, personal_id or insurance_number is needed",
    path: ["full_name"],
  });
