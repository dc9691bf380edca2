/** `POST /api/auth/login` and `POST /api/auth/refresh` (standards.md §5.5). */
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import type { Deps } from "../deps.ts";
import { parseInput } from "../http.ts";
import { login, refresh } from "./auth.ts";

const loginSchema = z.object({ username: z.string().min(1).max(200), password: z.string().min(1).max(500) });
const refreshSchema = z.object({ refresh_token: z.string().min(1).max(500) });

export function authRoutes(app: FastifyInstance, deps: Deps): void {
  app.post("/api/auth/login", { config: { rateLimit: { max: 20, timeWindow: "1 minute" } } }, async (req) =>
    login(deps, parseInput(loginSchema, req.body)),
  );
  app.post("/api/auth/refresh", async (req) => refresh(deps, parseInput(refreshSchema, req.body)));
}
