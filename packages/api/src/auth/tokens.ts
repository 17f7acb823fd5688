import { createHash, randomBytes } from "node:crypto";

/**
 * SHA-256 (hex) of a high-entropy token. What the database stores instead of session, invitation
 * and reset tokens, so a leaked table opens nothing.
 */
export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** A random 256-bit token for a cookie or an emailed link. */
export function createToken(): string {
  return randomBytes(32).toString("base64url");
}
