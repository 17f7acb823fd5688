import { randomBytes } from "node:crypto";
import type { AppName } from "./env.ts";

const NONCE_BYTES = 16;
/** Random bytes for 256 nonces, drawn at once: one call to the system's generator per 256 responses. */
const NONCE_POOL_BYTES = NONCE_BYTES * 256;
let noncePool = Buffer.alloc(0);
let nonceOffset = 0;

/** A fresh script nonce: 128 random bits, one per response, never given twice. */
export function newNonce(): string {
  if (nonceOffset + NONCE_BYTES > noncePool.length) {
    noncePool = randomBytes(NONCE_POOL_BYTES);
    nonceOffset = 0;
  }
  const nonce = noncePool.toString("base64", nonceOffset, nonceOffset + NONCE_BYTES);
  nonceOffset += NONCE_BYTES;
  return nonce;
}

/**
 * The Content-Security-Policy of every response of `app`. Scripts run only from the app's own
 * origin or when they carry this response's nonce (Remix's inline hydration scripts and the
 * nhsuk-frontend body-class snippet do); styles only from files, so there are no inline styles.
 * Images may come from https (content bodies may link pictures elsewhere, as the sanitiser allows);
 * fonts come from the site itself, and in the admin also from the NHS's asset host (Frutiger: the
 * public site uses the NHS's fallback fonts instead, decision 023). Only the public site may be framed, and only by itself.
 */
export function contentSecurityPolicy(app: AppName, nonce: string, https: boolean): string {
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'`,
    "style-src 'self'",
    "img-src 'self' data: https:",
    `font-src 'self'${app === "admin" ? " https://assets.nhs.uk" : ""}`,
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    `frame-ancestors ${app === "admin" ? "'none'" : "'self'"}`,
  ];
  if (https) directives.push("upgrade-insecure-requests");
  return directives.join("; ");
}

/**
 * The headers of every response of `app`, pages, files and API alike (`nonce` is this response's).
 * The admin is also never kept by a shared cache or the back button after signing out (its assets
 * set their own caching), and sends only its origin to other sites: a route's own stricter
 * Referrer-Policy (no-referrer) wins over the default, because Remix sets route headers later.
 */
export function securityHeaders(
  app: AppName,
  { nonce, https, path }: { nonce: string; https: boolean; path: string },
): Record<string, string> {
  const headers: Record<string, string> = {
    "Content-Security-Policy": contentSecurityPolicy(app, nonce, https),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": app === "admin" ? "same-origin" : "strict-origin-when-cross-origin",
    "Permissions-Policy":
      "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=(), browsing-topics=()",
    "Cross-Origin-Opener-Policy": "same-origin",
    "X-Frame-Options": app === "admin" ? "DENY" : "SAMEORIGIN",
  };
  if (https) headers["Strict-Transport-Security"] = "max-age=31536000; includeSubDomains";
  if (app === "admin" && !path.startsWith("/assets/")) headers["Cache-Control"] = "no-store";
  return headers;
}
