/**
 * The identity API (docs/api-identity.md): the stewards' review queue, merges and undo, and the
 * facilities' who-is-this. Each route checks the caller's role, validates, and calls one service.
 */
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { Deps } from "../../deps.ts";
import { authenticate } from "../../access/guard.ts";
import { parseInput } from "../../http.ts";
import { createMatcher, type Matcher } from "../matcher.ts";
import type { Registry } from "../registry.ts";
import { listCases, readCase } from "./cases.ts";
import { decideCase, type CaseDecision } from "./decide.ts";
import { mergePersons, unmergePerson } from "./merge.ts";
import { caseQuery, decisionBody, idParam, mergeBody, unmergeBody, whoIsThisBody, type DecisionBody } from "./schema.ts";
import type { Steward } from "./scope.ts";
import { undoDecision } from "./undo.ts";
import { whoIsThis } from "./who-is-this.ts";

const steward = async (deps: Deps, req: FastifyRequest): Promise<Steward> => ({ who: await authenticate(deps, req, ["steward"]), requestId: req.id });

function caseDecision(b: DecisionBody): CaseDecision {
  switch (b.action) {
    case "link":
      return { action: "link", personalId: b.personal_id ?? null, personId: b.person_id ?? null, expectedVersion: b.expected_version };
    case "reject-candidate":
      return { action: "reject-candidate", personalId: b.personal_id, expectedVersion: b.expected_version };
    case "new-person":
      return { action: "new-person", expectedVersion: b.expected_version };
  }
}

/**
 * `ports.matcher` is the hub's one matcher (the intake pipeline's, once it carries one); without
 * it the routes build their own, indexed on first use.
 */
export function identityRoutes(app: FastifyInstance, deps: Deps, ports: { registry: Registry; matcher?: Matcher }): void {
  const p = { registry: ports.registry, matcher: ports.matcher ?? createMatcher(deps) };

  app.get("/api/identity/cases", async (req) => {
    const s = await steward(deps, req);
    const q = parseInput(caseQuery, req.query);
    return listCases(deps, s, { status: q.status, province: q.province ?? null, reason: q.reason ?? null, after: q.after, limit: q.limit });
  });

  app.get("/api/identity/cases/:id", async (req) => {
    const s = await steward(deps, req);
    const { id } = parseInput(idParam, req.params);
    return readCase(deps, p, s, id);
  });

  app.post("/api/identity/cases/:id/decisions", async (req, reply) => {
    const s = await steward(deps, req);
    const { id } = parseInput(idParam, req.params);
    const body = parseInput(decisionBody, req.body);
    return reply.code(201).send(await decideCase(deps, p, s, id, caseDecision(body)));
  });

  app.post("/api/identity/decisions/:id/undo", async (req, reply) => {
    const s = await steward(deps, req);
    const { id } = parseInput(idParam, req.params);
    return reply.code(201).send(await undoDecision(deps, s, id));
  });

  app.post("/api/identity/merge", async (req, reply) => {
    const s = await steward(deps, req);
    const b = parseInput(mergeBody, req.body);
    return reply.code(201).send(await mergePersons(deps, s, { fromPersonId: b.from_person_id, intoPersonId: b.into_person_id, reason: b.reason }));
  });

  app.post("/api/identity/unmerge", async (req, reply) => {
    const s = await steward(deps, req);
    const b = parseInput(unmergeBody, req.body);
    const input = { personId: b.person_id, checkupIds: b.checkup_ids, reason: b.reason, intoPersonId: b.into_person_id ?? null };
    return reply.code(201).send(await unmergePerson(deps, p, s, input));
  });

  app.post("/api/identity/match", { config: { rateLimit: { max: 120, timeWindow: "1 minute" } } }, async (req) => {
    const who = await authenticate(deps, req, ["facility"]);
    const b = parseInput(whoIsThisBody, req.body);
    return whoIsThis(deps, p, { who, requestId: req.id }, {
      fullName: b.full_name ?? null,
      birthDate: b.birth_date ?? null,
      sex: b.sex ?? null,
      personalId: b.personal_id ?? null,
      communeCode: b.commune_code ?? null,
      provinceCode: b.province_code ?? null,
      address: b.address ?? null,
      phone: b.phone ?? null,
      insuranceNumber: b.insurance_number ?? null,
      guardianPersonalId: b.guardian_personal_id ?? null,
    });
  });
}
