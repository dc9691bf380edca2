/** Citizen sign-in (demo, OIDC) and `GET /api/me` (docs/api-healthbook.md §1–2). */
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import type { Deps } from "../deps.ts";
import { parseInput } from "../http.ts";
import { authenticate } from "./guard.ts";
import { myProfile } from "./citizen.ts";
import { demoCitizens, demoSignIn } from "./citizen-demo.ts";
import { oidcCallback, oidcStart, signInOptions } from "./oidc.ts";

// Built once: zod 4 compiles a schema on its first parse.
const signInBody = z.object({ personal_id: z.string().regex(/^\d{12}$/, "12 digits") });
const callbackBody = z.object({ code: z.string().min(1).max(2000), state: z.string().min(1).max(500), iss: z.string().max(500).optional() });
const SIGN_IN_LIMIT = { config: { rateLimit: { max: 20, timeWindow: "1 minute" } } };

export function citizenRoutes(app: FastifyInstance, deps: Deps): void {
  app.get("/api/citizen/sign-in-options", async () => signInOptions(deps.config));
  app.get("/api/citizen/demo/citizens", async () => demoCitizens(deps));
  app.post("/api/citizen/demo/sign-in", SIGN_IN_LIMIT, async (req) =>
    demoSignIn(deps, { personalId: parseInput(signInBody, req.body).personal_id }),
  );
  app.post("/api/citizen/oidc/start", SIGN_IN_LIMIT, async () => oidcStart(deps));
  app.post("/api/citizen/oidc/callback", SIGN_IN_LIMIT, async (req) =>
    oidcCallback(deps, parseInput(callbackBody, req.body)),
  );
  app.get("/api/me", async (req) => myProfile(deps, await authenticate(deps, req, ["citizen"])));
}
