import { createHmac } from "node:crypto";
import { apiConfig } from "./config.ts";

export type RequestMeta = {
  ip: string | null;
  /** Keyed hash of the IP: what is stored instead of the address. */
  ipHash: string | null;
  userAgent: string | null;
  origin: string | null;
  url: string;
};

export function hashIp(ip: string): string {
  return createHmac("sha256", apiConfig().appSecret).update(ip).digest("hex").slice(0, 32);
}

export function requestMeta(request: Request, clientIp: string | null): RequestMeta {
  let ipHash: string | undefined;
  return {
    ip: clientIp,
    // Worked out when first read: most requests (a page read) never keep anything about the reader.
    get ipHash() {
      if (!clientIp) return null;
      ipHash ??= hashIp(clientIp);
      return ipHash;
    },
    userAgent: request.headers.get("user-agent"),
    origin: request.headers.get("origin"),
    url: request.url,
  };
}
