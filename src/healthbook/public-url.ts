/** The hub's public base URL: audience of client assertions, links in QR codes and PDFs. */
import type { Config } from "../config.ts";

export function publicUrl(config: Config): string {
  return (config.HOSO_PUBLIC_URL ?? `http://${config.HOST}:${config.PORT}`).replace(/\/+$/, "");
}

/** RFC 7523 §3: the assertion's `aud` is the token endpoint's URL. */
export const tokenEndpointUrl = (config: Config): string => `${publicUrl(config)}/oauth/token`;
