/**
 * FHIR interpretation codes (`H`, `LL`, `POS`…) as a tone for colour and a word for the label: the
 * word is always shown, so the meaning never rests on colour alone (WCAG 1.4.1).
 */
import type { Interpretation } from "../api/types.ts";

export type Tone = "normal" | "high" | "low" | "abnormal" | "unknown";

export function toneOf(i: Interpretation | null | undefined): Tone {
  switch (i) {
    case "N":
    case "NEG":
      return "normal";
    case "H":
    case "HH":
      return "high";
    case "L":
    case "LL":
      return "low";
    case "A":
    case "POS":
      return "abnormal";
    case null:
    case undefined:
      return "unknown";
  }
}

/** The i18n key naming an interpretation. */
export const interpretationKey = (i: Interpretation | null | undefined) => (i ? (`interp.${i}` as const) : ("interp.none" as const));
