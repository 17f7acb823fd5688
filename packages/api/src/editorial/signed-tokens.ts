import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { apiConfig } from "../config.ts";

// Tokens for links mailed or handed to people outside the observatory (share links, fact-check
// requests). A token is a random secret plus an HMAC of it under the app key and the link's
// purpose, so a forged or mistyped link (or one made for another purpose) is refused without a
// database lookup; only the SHA-256 of the whole token is stored, so a database leak does not leak
// working links.

export type TokenPurpose = "share-link" | "fact-check";

const sign = (purpose: TokenPurpose, secret: string) =>
  createHmac("sha256", apiConfig().appSecret).update(`${purpose}:${secret}`).digest("base64url").slice(0, 22);

/** What the database keeps instead of the token. */
export const hashSignedToken = (token: string) => createHash("sha256").update(token).digest("hex");

/** A new token for `purpose` and the hash to store. The token itself goes out once, in the link. */
export function issueSignedToken(purpose: TokenPurpose): { token: string; tokenHash: string } {
  const secret = randomBytes(24).toString("base64url");
  const token = `${secret}.${sign(purpose, secret)}`;
  return { token, tokenHash: hashSignedToken(token) };
}

/** Whether `token` was made by this site for `purpose` (it may still be unknown, expired or withdrawn). */
export function isSignedToken(purpose: TokenPurpose, token: string): boolean {
  const [secret, signature] = token.split(".");
  if (!secret || !signature) return false;
  const expected = Buffer.from(sign(purpose, secret));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
