import { createHmac, timingSafeEqual } from "node:crypto";
import { apiConfig } from "../config.ts";

// The comment form carries the time it was rendered, signed, so the server can tell a reader
// (who takes a few seconds at least) from a script posting at once, without any session.

const MAX_AGE_MS = 24 * 60 * 60 * 1000;

function sign(timestamp: string): string {
  return createHmac("sha256", apiConfig().appSecret)
    .update(`comment-form:${timestamp}`)
    .digest("base64url")
    .slice(0, 22);
}

export function issueFormToken(now = new Date()): string {
  const timestamp = String(now.getTime());
  return `${timestamp}.${sign(timestamp)}`;
}

export type FormTokenCheck = "ok" | "invalid" | "too-fast" | "expired";

export function checkFormToken(token: string, minSeconds: number, now = new Date()): FormTokenCheck {
  const [timestamp, signature] = token.split(".");
  if (!timestamp || !signature || !/^\d+$/.test(timestamp)) return "invalid";
  const expected = Buffer.from(sign(timestamp));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return "invalid";
  const age = now.getTime() - Number(timestamp);
  if (age < minSeconds * 1000) return "too-fast";
  if (age > MAX_AGE_MS) return "expired";
  return "ok";
}
