/**
 * The intake pipeline for KHAMSUCKHOE pushes: the pure parser and a checker whose catalogue and
 * code-list indexes are built once, here, at start — never per record.
 */
import { parseKsk } from "../formats/ksk/parse.ts";
import { createChecker } from "../checkup/check.ts";
import type { Pipeline } from "./process.ts";

export function createPipeline(): Pipeline {
  const check = createChecker();
  return { parse: (xml) => parseKsk(xml), check };
}
