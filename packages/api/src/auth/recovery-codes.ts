import { createHmac, randomInt } from "node:crypto";
import { apiConfig } from "../config.ts";

// One-time codes for when the authenticator app is lost. Shown once; stored as keyed hashes.

export const RECOVERY_CODE_COUNT = 10;
// No 0/o, 1/l/i: codes are read off paper.
const ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

function randomChunk(length: number): string {
  return Array.from({ length }, () => ALPHABET[randomInt(ALPHABET.length)]).join("");
}

/** Ten codes like "k7m2p-x9qre" (about 49 bits each). */
export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => `${randomChunk(5)}-${randomChunk(5)}`);
}

/** Case, spaces and hyphens do not matter when a code is typed back. */
export function normaliseRecoveryCode(input: string): string {
  return input.toLowerCase().replace(/[\s-]/g, "");
}

export function hashRecoveryCode(code: string): string {
  return createHmac("sha256", apiConfig().appSecret)
    .update(`recovery-code:${normaliseRecoveryCode(code)}`)
    .digest("hex");
}
