/**
 * `POST /oauth/token` (RFC 6749 §4.4 with RFC 7523 client assertions). Form-encoded, as OAuth
 * clients send it; refusals in the OAuth error shape (§5.2) with hoso's code and text added.
 */
import type { FastifyInstance } from "fastify";
import formbody from "@fastify/formbody";
import { z } from "zod";
import type { Deps } from "../deps.ts";
import { OutcomeError, type LocalText } from "../outcome.ts";
import { clientCredentialsToken } from "./system-clients.ts";

const field = z.string().max(10_000).optional();
const tokenForm = z.object({ grant_type: field, client_assertion_type: field, client_assertion: field, client_id: field, scope: field });

const OAUTH_ERRORS: Readonly<Record<string, [error: string, status: number]>> = {
  "OAUTH-GRANT-TYPE": ["unsupported_grant_type", 400],
  "OAUTH-REQUEST-INVALID": ["invalid_request", 400],
  "OAUTH-ASSERTION-INVALID": ["invalid_client", 401],
  "OAUTH-ASSERTION-REPLAY": ["invalid_client", 401],
  "OAUTH-SCOPE": ["invalid_scope", 400],
};

export function systemClientRoutes(app: FastifyInstance, deps: Deps): void {
  void app.register(async (scope) => {
    await scope.register(formbody);
    scope.post("/oauth/token", { config: { rateLimit: { max: 60, timeWindow: "1 minute" } } }, async (req, reply) => {
      void reply.header("cache-control", "no-store").header("pragma", "no-cache");
      const form = tokenForm.safeParse(req.body ?? {});
      if (!form.success) return reply.code(400).send(oauthError("OAUTH-REQUEST-INVALID", { vi: "Yêu cầu không hợp lệ.", en: "Invalid request." }));
      try {
        return await clientCredentialsToken(deps, form.data);
      } catch (err) {
        if (!(err instanceof OutcomeError)) throw err;
        const issue = err.outcome.issue[0];
        const code = issue?.details.coding[0]?.code ?? "OAUTH-REQUEST-INVALID";
        const status = OAUTH_ERRORS[code]?.[1] ?? 400;
        if (status === 401) void reply.header("www-authenticate", 'Bearer error="invalid_client"');
        return reply.code(status).send(oauthError(code, issue?.text ?? { vi: "Yêu cầu không hợp lệ.", en: "Invalid request." }));
      }
    });
  });
}

function oauthError(code: string, text: LocalText) {
  return { error: OAUTH_ERRORS[code]?.[0] ?? "invalid_request", error_description: text.en, hoso_code: code, text };
}
