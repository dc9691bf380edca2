/**
 * The load generator's HTTP side: node:http with a keep-alive agent per facility, bound to the
 * facility's own loopback address (the hub rate-limits sign-in per address, as it should for
 * facilities on their own networks). node:http rather than fetch: it lets us bind the source
 * address without undici as a dependency, and costs the load generator less CPU per request.
 */
import http from "node:http";

export interface HttpAnswer {
  status: number;
  body: Buffer;
}

export function facilityAgent(localAddress: string, sockets: number): http.Agent {
  return new http.Agent({ keepAlive: true, maxSockets: sockets, localAddress });
}

export function send(
  agent: http.Agent | undefined,
  base: URL,
  method: "GET" | "POST",
  path: string,
  headers: Record<string, string>,
  body?: Buffer,
): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: base.hostname,
        port: base.port,
        method,
        path,
        agent: agent ?? false,
        headers: body ? { ...headers, "content-length": String(body.length) } : headers,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks) }));
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

export async function login(agent: http.Agent, base: URL, username: string, password: string): Promise<string> {
  const res = await send(agent, base, "POST", "/api/auth/login", { "content-type": "application/json" },
    Buffer.from(JSON.stringify({ username, password })));
  if (res.status !== 200) throw new Error(`login of ${username} failed: HTTP ${res.status} ${res.body.toString()}`);
  return (JSON.parse(res.body.toString()) as { token: string }).token;
}

export function pushHeaders(token: string): Record<string, string> {
  return { authorization: `Bearer ${token}`, "content-type": "application/json", "service-type": "100" };
}

export const PUSH_PATH = "/api/platform/data-sync/push";
