/**
 * The remote population-registry adapter: `POST {base}/persons/lookup {"personal_ids": [...]}` →
 * `{"persons": [...]}`. Each call has a timeout and a bounded number of retries with backoff; a
 * circuit breaker stops calling a registry that keeps failing and tries again after a cool-down;
 * answers are cached briefly. Answers that contradict themselves (a person for an ID that was not
 * asked, or two different persons for one ID) are dropped, never trusted. When the registry cannot
 * answer, `lookup` throws `RegistryUnavailableError` — intake then keeps the records waiting.
 */
import { z } from "zod";
import type { Registry, RegistryPerson } from "./registry.ts";

export class RegistryUnavailableError extends Error {
  constructor(readonly reason: "timeout" | "error" | "circuit-open") {
    super(`population registry unavailable: ${reason}`);
    this.name = "RegistryUnavailableError";
  }
}

export interface HttpRegistryOptions {
  baseUrl: string;
  timeoutMs?: number;
  retries?: number;
  backoffMs?: number;
  /** Consecutive failed calls that open the circuit. */
  failureThreshold?: number;
  coolDownMs?: number;
  cacheTtlMs?: number;
  cacheMax?: number;
  clock?: () => number;
  fetch?: typeof fetch;
  headers?: Record<string, string>;
}

const personSchema = z.object({
  personal_id: z.string().regex(/^\d{12}$/),
  full_name: z.string().min(1),
  birth_date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  sex: z.string(),
  province_code: z.string().nullable().optional(),
  commune_code: z.string().nullable().optional(),
});
const answerSchema = z.object({ persons: z.array(z.unknown()) });

export function httpRegistry(o: HttpRegistryOptions): Registry & { circuit(): "closed" | "open" | "half-open" } {
  const timeoutMs = o.timeoutMs ?? 800;
  const retries = o.retries ?? 2;
  const backoffMs = o.backoffMs ?? 100;
  const threshold = o.failureThreshold ?? 5;
  const coolDownMs = o.coolDownMs ?? 30_000;
  const ttl = o.cacheTtlMs ?? 60_000;
  const cacheMax = o.cacheMax ?? 50_000;
  const now = o.clock ?? Date.now;
  const doFetch = o.fetch ?? fetch;
  // Per-adapter state (one adapter per hub process, built in boot): breaker and cache.
  let failures = 0;
  let openedAt: number | null = null;
  const cache = new Map<string, { at: number; person: RegistryPerson | null }>();

  const circuit = (): "closed" | "open" | "half-open" =>
    openedAt === null ? "closed" : now() - openedAt < coolDownMs ? "open" : "half-open";

  async function callOnce(ids: string[]): Promise<RegistryPerson[]> {
    const res = await doFetch(new URL("persons/lookup", o.baseUrl.endsWith("/") ? o.baseUrl : `${o.baseUrl}/`), {
      method: "POST",
      headers: { "content-type": "application/json", ...o.headers },
      body: JSON.stringify({ personal_ids: ids }),
      signal: AbortSignal.timeout(timeoutMs),
    });
    if (!res.ok) throw new RegistryUnavailableError("error");
    const body = answerSchema.parse(await res.json());
    return consistent(ids, body.persons);
  }

  async function call(ids: string[]): Promise<RegistryPerson[]> {
    let last: unknown;
    for (let attempt = 0; attempt <= retries; attempt++) {
      if (attempt > 0) await new Promise((r) => setTimeout(r, backoffMs * 2 ** (attempt - 1)));
      try {
        const persons = await callOnce(ids);
        failures = 0;
        openedAt = null;
        return persons;
      } catch (err) {
        last = err;
        if (circuit() === "half-open") break; // one probe only while half-open
      }
    }
    failures++;
    if (failures >= threshold || circuit() === "half-open") openedAt = now();
    const timedOut = last instanceof Error && (last.name === "TimeoutError" || last.name === "AbortError");
    throw new RegistryUnavailableError(timedOut ? "timeout" : "error");
  }

  return {
    circuit,
    async lookup(ids) {
      const out = new Map<string, RegistryPerson>();
      const missing: string[] = [];
      for (const id of new Set(ids)) {
        const hit = cache.get(id);
        if (hit && now() - hit.at < ttl) {
          if (hit.person) out.set(id, hit.person);
        } else missing.push(id);
      }
      if (missing.length === 0) return out;
      if (circuit() === "open") throw new RegistryUnavailableError("circuit-open");
      const persons = await call(missing);
      const byId = new Map(persons.map((p) => [p.personalId, p]));
      if (cache.size + missing.length > cacheMax) cache.clear();
      for (const id of missing) {
        const person = byId.get(id) ?? null;
        cache.set(id, { at: now(), person });
        if (person) out.set(id, person);
      }
      return out;
    },
  };
}

/** Keeps only persons that were asked for and answered once, consistently. */
function consistent(asked: readonly string[], raw: readonly unknown[]): RegistryPerson[] {
  const wanted = new Set(asked);
  const seen = new Map<string, RegistryPerson | null>();
  for (const item of raw) {
    const p = personSchema.safeParse(item);
    if (!p.success || !wanted.has(p.data.personal_id)) continue;
    const person: RegistryPerson = {
      personalId: p.data.personal_id,
      fullName: p.data.full_name.normalize("NFC"),
      birthDate: p.data.birth_date,
      sex: p.data.sex,
      provinceCode: p.data.province_code ?? null,
      communeCode: p.data.commune_code ?? null,
    };
    const prior = seen.get(person.personalId);
    if (prior === undefined) seen.set(person.personalId, person);
    else if (prior && JSON.stringify(prior) !== JSON.stringify(person)) seen.set(person.personalId, null);
  }
  return [...seen.values()].filter((p): p is RegistryPerson => p !== null);
}
