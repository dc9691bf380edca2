/**
 * The Social Security gateway's API, as facility software already calls it (standards.md §3.4):
 * `POST /api/token/take`, then `POST /api/qd130/guiHoSoXmlQD3176` (and the `…QD4750` twin) with
 * headers `accessToken` and `tokenId` and the fields `username`, `loaiHoSo`, `maTinh`, `maCSKCB`,
 * `fileHSBase64` (JSON or form). Answers in the gateway's shape; refusals carry `maKetQua`.
 */
import type { FastifyInstance, FastifyReply } from "fastify";
import formbody from "@fastify/formbody";
import { z } from "zod";
import type { Deps } from "../deps.ts";
import { parseInput } from "../http.ts";
import { gatewayLogin, idTokenMatches } from "../access/gateway-login.ts";
import { verifyAccessToken } from "../access/tokens.ts";
import { OutcomeError } from "../outcome.ts";
import type { Pipeline } from "./process.ts";
import { acceptSubmission } from "./accept.ts";
import { activeFacility } from "./push.ts";
import { gatewayTime, readGatewayRequest, vssGateway } from "./channels/vss-gateway.ts";

const loginSchema = z.object({ username: z.string().min(1).max(200), password: z.string().regex(/^[0-9a-fA-F]{32}$/, "MD5 hex") });

export function gatewayRoutes(app: FastifyInstance, deps: Deps, pipeline: Pipeline): void {
  void app.register(async (gw) => {
    await gw.register(formbody);
    gw.post("/api/token/take", { config: { rateLimit: { max: 20, timeWindow: "1 minute" } } }, async (req, reply) => {
      try {
        return await gatewayLogin(deps, parseInput(loginSchema, req.body));
      } catch (err) {
        if (err instanceof OutcomeError) return refuse(reply, 401, "401", "Sai tên đăng nhập hoặc mật khẩu.");
        throw err;
      }
    });
  });

  // The file is kept exactly as received (JSON or form text), so take the body raw.
  void app.register(async (raw) => {
    raw.removeAllContentTypeParsers();
    raw.addContentTypeParser("*", { parseAs: "buffer" }, (_req, body, done) => done(null, body));
    for (const path of ["/api/qd130/guiHoSoXmlQD3176", "/api/qd130/guiHoSoXmlQD4750"]) {
      raw.post(path, async (req, reply) => {
        const header = (name: string) => {
          const v = req.headers[name.toLowerCase()];
          return typeof v === "string" ? v : null;
        };
        const bearer = req.headers.authorization?.startsWith("Bearer ") ? req.headers.authorization.slice(7) : null;
        const accessToken = header("accessToken") ?? bearer;
        const who = accessToken ? await verifyAccessToken(deps.secrets.jwtKey, accessToken, deps.clock()) : null;
        const tokenId = header("tokenId");
        if (!who || who.role !== "facility" || (tokenId !== null && !idTokenMatches(deps, accessToken!, tokenId))) {
          return refuse(reply, 401, "401", "Token không hợp lệ hoặc đã hết hạn.");
        }
        const facility = await activeFacility(deps, who);
        const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
        const fields = readGatewayRequest(body);
        if (fields.maCSKCB && fields.maCSKCB !== facility.code) {
          return refuse(reply, 403, "403", "maCSKCB không phải cơ sở đã đăng nhập.");
        }
        const answer = await acceptSubmission(deps, pipeline, facility, { channel: vssGateway, msgId: null, body });
        return reply.code(answer.httpStatus).send(answer.body);
      });
    }
  });

  function refuse(reply: FastifyReply, http: number, maKetQua: string, thongDiep: string) {
    return reply.code(http).send({ maKetQua, maGiaoDich: null, thoiGianTiepNhan: gatewayTime(deps.clock()), thongDiep });
  }
}
