/**
 * Which catalogue entry an observation is: by `key` when the parser set one, else by KSK form tag,
 * else by `TEN_CHI_SO` / `MA_CHI_SO` against the aliases (checkup-catalogue.md "How to use it",
 * step 1). Urinalysis entries (`contextRequired`) match only in a urine context, so `glucose`,
 * `pro`, `leu`, `bil` never land a blood test on a urine entry.
 */
import type { Observation } from "./model.ts";
import { looseKey, type CatalogueIndex, type Component, type IndexedEntry } from "./catalogue-index.ts";
import { foldedKey, labelKey } from "./text.ts";

export interface MatchContext {
  /** The observation sits in a urinalysis service or names urine itself. */
  urine: boolean;
  /** The value is a dipstick-style result (`(-)`, `2+`): blood chemistry never is. */
  qualitative: boolean;
}

export interface Match {
  ie: IndexedEntry;
  /** The alias key that matched (the urea entry reads `bun` as blood urea nitrogen). */
  alias: string;
  /** Set when the observation is one component of the entry (`hearing_right_whisper`). */
  component?: Component;
}

const URINE_WORDS = /nuoc tieu|\bnieu\b|\burine?\b|\btptnt\b/;

/** Whether a name, local code or service code says "urine" (folded: nước tiểu, niệu). */
export const mentionsUrine = (text: string | null): boolean => text !== null && URINE_WORDS.test(foldedKey(text));

function pick(list: readonly IndexedEntry[] | undefined, ctx: MatchContext): IndexedEntry | undefined {
  if (!list) return undefined;
  const urineAllowed = ctx.urine || ctx.qualitative;
  if (urineAllowed) {
    const urine = list.find((e) => e.needsUrine);
    if (urine) return urine;
  }
  return list.find((e) => !e.needsUrine);
}

// Fallbacks when the name as typed is no alias: drop trailing `(…)` / `[…]` groups
// ("Định lượng Urê máu [Máu]") and a leading procedure word ("Định lượng", "Đo hoạt độ").
const TRAILING_GROUP = /\s*[([][^()[\]]*[)\]]$/;
const PROCEDURE = /^(định lượng|đo hoạt độ|đo|xét nghiệm|xn|test nhanh|test)\s+/;

function variants(exact: string): string[] {
  const out = [exact];
  let bare = exact;
  while (TRAILING_GROUP.test(bare)) bare = bare.replace(TRAILING_GROUP, "");
  if (bare !== exact && bare !== "") out.push(bare);
  const unprefixed = bare.replace(PROCEDURE, "");
  if (unprefixed !== bare && unprefixed !== "") out.push(unprefixed);
  return out;
}

// Other modalities that start like a catalogue report ("Chụp phổi CT", "Điện tim gắng sức").
const OTHER_MODALITY = /\b(ct|cat lop|mri|cong huong tu|doppler|gang suc|holter)\b/;

function byAlias(index: CatalogueIndex, text: string, ctx: MatchContext): Match | undefined {
  const exact = labelKey(text);
  const folded = foldedKey(exact);
  const tries: [ReadonlyMap<string, readonly IndexedEntry[]>, string][] = [];
  // Inside a urine panel a bare "Bạch cầu" / "Glucose" means the urine item: try "… niệu" first.
  if (ctx.urine) tries.push([index.exact, `${exact} niệu`], [index.folded, `${folded} nieu`]);
  for (const name of variants(exact)) tries.push([index.exact, name], [index.folded, foldedKey(name)]);
  tries.push([index.folded, looseKey(exact)]); // "Tai trái – nói thường"
  for (const [map, key] of tries) {
    const ie = pick(map.get(key), ctx);
    if (ie) return { ie, alias: key };
  }
  // Reports carry descriptors after their name ("Điện tim thường"): a leading alias is enough.
  if (OTHER_MODALITY.test(folded)) return undefined;
  const report = index.reports.find(([alias]) => folded.startsWith(`${alias} `));
  return report && { ie: report[1], alias: report[0] };
}

/** "Tai phải nói thầm" matched to hearing_right_ear is its whisper component. */
function withComponent(index: CatalogueIndex, m: Match, name: string): Match {
  const key = looseKey(name);
  for (const c of index.components.values()) if (c.ie === m.ie && c.nameKey === key) return { ...m, component: c };
  return m;
}

export function matchObservation(index: CatalogueIndex, obs: Observation, ctx: MatchContext): Match | undefined {
  if (obs.key) {
    const ie = index.byKey.get(obs.key);
    if (ie) return { ie, alias: obs.key };
    const component = index.components.get(obs.key);
    if (component) return { ie: component.ie, alias: obs.key, component };
  }
  const texts = [obs.name, obs.localCode];
  // Local codes such as `002WBC` carry a sort prefix (samples/real-world-files.md).
  const stripped = obs.localCode?.replace(/^\d+(?=[A-Za-z])/, "");
  if (stripped && stripped !== obs.localCode) texts.push(stripped);
  for (const text of texts) {
    if (!text || text.trim() === "") continue;
    const tag = index.formTags.get(text.trim().toUpperCase());
    if (tag) return { ie: tag, alias: text.trim().toUpperCase() };
    const m = byAlias(index, text, ctx);
    if (m) return withComponent(index, m, text);
  }
  return undefined;
}
