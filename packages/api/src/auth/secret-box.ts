import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { apiConfig } from "../config.ts";

// Authenticated encryption (AES-256-GCM) for small secrets kept at rest or handed to the browser,
// with one key per purpose derived from APP_SECRET. The associated data (e.g. the user id) binds a
// sealed value to its owner: moved to another row, it no longer opens.

export type SealPurpose = "totp-secret" | "totp-setup";

const VERSION = "v1";
const keys = new Map<SealPurpose, Buffer>();

function keyFor(purpose: SealPurpose): Buffer {
  let key = keys.get(purpose);
  if (!key) {
    key = Buffer.from(hkdfSync("sha256", apiConfig().appSecret, "observatory-secret-box", purpose, 32));
    keys.set(purpose, key);
  }
  return key;
}

export function seal(purpose: SealPurpose, plaintext: string, associatedData: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", keyFor(purpose), iv);
  cipher.setAAD(Buffer.from(associatedData));
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return [VERSION, iv, ciphertext, cipher.getAuthTag()]
    .map((part) => (typeof part === "string" ? part : part.toString("base64url")))
    .join(".");
}

/** The plaintext, or null when the value was tampered with, sealed for another purpose or owner, or malformed. */
export function unseal(purpose: SealPurpose, sealed: string, associatedData: string): string | null {
  const [version, iv, ciphertext, tag, ...rest] = sealed.split(".");
  if (version !== VERSION || !iv || !ciphertext || !tag || rest.length > 0) return null;
  const authTag = Buffer.from(tag, "base64url");
  if (authTag.length !== 16) return null;
  try {
    const decipher = createDecipheriv("aes-256-gcm", keyFor(purpose), Buffer.from(iv, "base64url"));
    decipher.setAAD(Buffer.from(associatedData));
    decipher.setAuthTag(authTag);
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    return null;
  }
}
