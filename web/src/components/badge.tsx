/** An interpretation as a labelled chip: the word always shows, colour only repeats it. */
import { useTranslation } from "react-i18next";
import type { Interpretation } from "../api/types.ts";
import { interpretationKey, toneOf } from "../format/interpretation.ts";

export function Badge({ interpretation }: { interpretation: Interpretation | null | undefined }) {
  const { t } = useTranslation();
  if (!interpretation) return null;
  return <span className={`badge tone-${toneOf(interpretation)}`}>{t(interpretationKey(interpretation))}</span>;
}
