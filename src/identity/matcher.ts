/**
 * The matcher as the hub runs it: the blocking index (identity/match) built once from the embedded
 * population registry, rebuilt by `refresh()` (after `hoso registry import`, or every
 * HOSO_MATCH_REFRESH_MINUTES), with the thresholds from settings. `match` is synchronous and pure
 * over the current index; a rebuild swaps the index whole, so a match never sees half of one.
 * With a remote registry (HOSO_REGISTRY_URL) there is nothing local to index: `match` answers null
 * and records go to review as before.
 */
import type { Config } from "../config.ts";
import type { Deps } from "../deps.ts";
import type { CheckupRecord } from "../checkup/model.ts";
import type { Registry, RegistryPerson } from "./registry.ts";
import {
  createBlockingIndex,
  matchInputFromRecord,
  matchRecord,
  matchSettings,
  type BlockingIndex,
  type MatchInput,
  type MatchPerson,
  type MatchResult,
  type MatchSettings,
} from "./match/index.ts";
import { scanRegistry } from "./review/registry-scan-repo.ts";
import { formerIds } from "./registry-changes-repo.ts";

export interface Matcher {
  /** Rebuilds the index from the registry; calls made while one rebuild runs share it. */
  refresh(): Promise<void>;
  /** The decision for a record; null while no index is built (not yet, or a remote registry). */
  match(record: CheckupRecord): MatchResult | null;
  /** The same for demographics typed at a front desk (who-is-this). */
  matchInput(input: MatchInput): MatchResult | null;
  /** A registry person of the current index, e.g. the one `match` linked. */
  person(personalId: string): RegistryPerson | undefined;
  /** True once an index is built. */
  ready(): boolean;
  /** False when the registry is remote: `refresh` then does nothing. */
  readonly indexable: boolean;
  readonly settings: MatchSettings;
}

/** The defaults of identity/match/settings.ts with the thresholds the operator set. */
export function matcherSettings(config: Pick<Config, "HOSO_MATCH_LINK_THRESHOLD" | "HOSO_MATCH_REVIEW_THRESHOLD" | "HOSO_MATCH_MARGIN">): MatchSettings {
  return matchSettings({
    linkThreshold: config.HOSO_MATCH_LINK_THRESHOLD,
    reviewThreshold: config.HOSO_MATCH_REVIEW_THRESHOLD,
    margin: config.HOSO_MATCH_MARGIN,
  });
}

/**
 * What `person()` answers from, column-wise and sorted by personal ID (binary search): repeated
 * strings (names, dates, place codes) are shared, so a million persons cost a few arrays of
 * references rather than a million objects.
 */
interface Directory {
  ids: string[];
  names: string[];
  births: string[];
  sexes: string[];
  provinces: (string | null)[];
  communes: (string | null)[];
}

interface Built {
  index: BlockingIndex;
  directory: Directory;
}

const PAGE = 20_000;

async function loadPersons(db: Deps["db"]): Promise<MatchPerson[]> {
  const persons: MatchPerson[] = [];
  const interned = new Map<string, string>();
  const intern = (s: string): string => {
    const held = interned.get(s);
    if (held !== undefined) return held;
    interned.set(s, s);
    return s;
  };
  let after = "";
  for (;;) {
    const rows = await scanRegistry(db, after, PAGE);
    for (const r of rows) {
      persons.push({
        personalId: r.personal_id,
        fullName: intern(r.full_name),
        birthDate: intern(r.birth_date),
        sex: intern(r.sex),
        provinceCode: r.province_code === null ? null : intern(r.province_code),
        communeCode: r.commune_code === null ? null : intern(r.commune_code),
        address: r.address,
        phone: r.phone,
        guardianPersonalId: r.guardian_personal_id,
      });
    }
    if (rows.length < PAGE) break;
    after = rows[rows.length - 1]!.personal_id;
  }
  // The database's collation decides its order; binary search needs the code-unit order.
  if (!persons.every((p, i) => i === 0 || persons[i - 1]!.personalId < p.personalId)) {
    persons.sort((a, b) => (a.personalId < b.personalId ? -1 : a.personalId > b.personalId ? 1 : 0));
  }
  return persons;
}

function directoryOf(persons: readonly MatchPerson[]): Directory {
  return {
    ids: persons.map((p) => p.personalId),
    names: persons.map((p) => p.fullName),
    births: persons.map((p) => p.birthDate),
    sexes: persons.map((p) => p.sex),
    provinces: persons.map((p) => p.provinceCode),
    communes: persons.map((p) => p.communeCode),
  };
}

function find(d: Directory, personalId: string): RegistryPerson | undefined {
  let lo = 0;
  let hi = d.ids.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const id = d.ids[mid]!;
    if (id === personalId) {
      return { personalId: id, fullName: d.names[mid]!, birthDate: d.births[mid]!, sex: d.sexes[mid]!, provinceCode: d.provinces[mid] ?? null, communeCode: d.communes[mid] ?? null };
    }
    if (id < personalId) lo = mid + 1;
    else hi = mid - 1;
  }
  return undefined;
}

export function createMatcher(deps: Pick<Deps, "config" | "db" | "log">, settings: MatchSettings = matcherSettings(deps.config)): Matcher {
  const indexable = deps.config.HOSO_REGISTRY_URL === undefined;
  let built: Built | null = null;
  let rebuilding: Promise<void> | null = null;

  const rebuild = async (): Promise<void> => {
    const started = Date.now();
    const persons = await loadPersons(deps.db);
    // Cancelled and old ID-card numbers lead to the current personal ID (registry_former_ids).
    const index = createBlockingIndex(persons, { crosswalks: { formerIds: await formerIds(deps.db) } });
    built = { index, directory: directoryOf(persons) };
    deps.log.info({ persons: persons.length, ms: Date.now() - started }, "identity matcher index built");
  };

  const run = (input: MatchInput): MatchResult | null => (built ? matchRecord(input, built.index, settings) : null);

  return {
    indexable,
    settings,
    refresh() {
      if (!indexable) return Promise.resolve();
      rebuilding ??= rebuild().finally(() => {
        rebuilding = null;
      });
      return rebuilding;
    },
    match: (record) => run(matchInputFromRecord(record)),
    matchInput: run,
    person: (personalId) => (built ? find(built.directory, personalId) : undefined),
    ready: () => built !== null,
  };
}

/**
 * Rebuilds every HOSO_MATCH_REFRESH_MINUTES (0: never) so registry imports made by another process
 * reach a running hub. Returns the function that stops it. A failed rebuild keeps the old index.
 * An index never built is left unbuilt: its first use builds it from the registry as it is then.
 */
export function scheduleMatcherRefresh(deps: Pick<Deps, "config" | "log">, matcher: Matcher): () => void {
  const minutes = deps.config.HOSO_MATCH_REFRESH_MINUTES;
  if (minutes === 0 || !matcher.indexable) return () => undefined;
  const timer = setInterval(() => {
    if (!matcher.ready()) return;
    matcher.refresh().catch((err: unknown) => deps.log.error({ err }, "identity matcher rebuild failed"));
  }, minutes * 60_000);
  timer.unref();
  return () => clearInterval(timer);
}

/**
 * The registry port for intake, building the matcher's index before the first look-up (intake
 * asks the registry first, then the matcher, synchronously). The index — about 360 MB for a
 * million persons — is thus built when intake first needs it, not at start: a process that only
 * serves health books never holds it.
 */
export function withMatcherIndex(registry: Registry, matcher: Matcher): Registry {
  return {
    async lookup(personalIds) {
      if (!matcher.ready() && matcher.indexable) await matcher.refresh();
      return registry.lookup(personalIds);
    },
  };
}
