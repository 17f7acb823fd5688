import { createHmac } from "node:crypto";
import { apiConfig } from "../config.ts";

/**
 * The audit trail names an address that must not be kept (an erased commenter's, or one typed into
 * the sign-in form that belongs to no account) only by a keyed hash: the same address always gives
 * the same digest, so events about it still link up, but the address cannot be read back from it.
 */
export function emailDigest(email: string): string {
  return createHmac("sha256", apiConfig().appSecret).update(`erased-email:${email}`).digest("hex").slice(0, 32);
}

/** How audit summaries refer to an erased commenter: the start of their address's digest. */
export function commenterReference(email: string): string {
  return `commenter #${emailDigest(email).slice(0, 8)}`;
}
