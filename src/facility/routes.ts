/** Steward administration of facilities, their logins and public keys. */
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import type { Deps } from "../deps.ts";
import { authenticate } from "../access/guard.ts";
import { parseInput } from "../http.ts";
import { listFacilities } from "./facilities-repo.ts";
import { addFacility, addFacilityKey, assertStewardScope, facilityKeys, newFacilitySchema, requireFacility, revokeFacilityKey } from "./facility-service.ts";

const codeParam = z.object({ code: z.string().min(5).max(13) });

export function facilityRoutes(app: FastifyInstance, deps: Deps): void {
  app.get("/api/admin/facilities", async (req) => {
    const who = await authenticate(deps, req, ["steward"]);
    return listFacilities(deps.db, who.scopeProvince);
  });
  app.post("/api/admin/facilities", async (req, reply) => {
    const who = await authenticate(deps, req, ["steward"]);
    const input = parseInput(newFacilitySchema, req.body);
    assertStewardScope(who, input.provinceCode);
    const { facility, keyId } = await addFacility(deps, input);
    return reply.code(201).send({ ...facility, key_id: keyId });
  });
  app.get("/api/admin/facilities/:code/keys", async (req) => {
    const who = await authenticate(deps, req, ["steward"]);
    const { code } = parseInput(codeParam, req.params);
    assertStewardScope(who, (await requireFacility(deps, code)).province_code);
    return facilityKeys(deps, code);
  });
  app.post("/api/admin/facilities/:code/keys", async (req, reply) => {
    const who = await authenticate(deps, req, ["steward"]);
    const { code } = parseInput(codeParam, req.params);
    const { publicKeyPem } = parseInput(z.object({ publicKeyPem: z.string().min(1).max(10_000) }), req.body);
    assertStewardScope(who, (await requireFacility(deps, code)).province_code);
    return reply.code(201).send(await addFacilityKey(deps, code, publicKeyPem));
  });
  app.post("/api/admin/facilities/:code/keys/:keyId/revoke", async (req) => {
    const who = await authenticate(deps, req, ["steward"]);
    const { code, keyId } = parseInput(codeParam.extend({ keyId: z.uuid() }), req.params);
    assertStewardScope(who, (await requireFacility(deps, code)).province_code);
    await revokeFacilityKey(deps, code, keyId);
    return { key_id: keyId, status: "revoked" };
  });
}
