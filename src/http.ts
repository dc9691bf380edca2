/** Small helpers shared by the route files: input validation into outcomes with field paths. */
import type { z } from "zod";
import { issue, outcome, OutcomeError } from "./outcome.ts";

export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  throw new OutcomeError(
    outcome(
      ...parsed.error.issues.map((i) => {
        const path = i.path.map(String).join("/");
        return issue("invalid", "INPUT-INVALID", { vi: `Trường "${path}" không hợp lệ.`, en: `Field "${path}" is invalid: ${i.message}.` }, path);
      }),
    ),
  );
}
