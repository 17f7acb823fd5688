import type { Role } from "@observatory/db";
import type { MediaStore } from "./media/store.ts";

export type RateLimit = { limit: number; windowSeconds: number };

/**
 * What the API is told by whoever hosts it (packages/server reads it from the environment; tests
 * give their own): the API itself reads no environment.
 */
export type ApiConfig = {
  isProduction: boolean;
  /** Keys the HMACs of IP addresses and signs share links and form tokens; 32+ characters. */
  appSecret: string;
  publicSiteUrl: string;
  adminSiteUrl: string;
  /** Defaults of the comment rules until moderators set them in the admin. */
  commentMinSeconds: number;
  commentRateLimitIp: RateLimit;
  commentRateLimitEmail: RateLimit;
  commentIpHashRetentionDays: number;
  smtp: { host: string; port: number; secure: boolean; user?: string; password?: string; from: string };
  /** Roles that must use multi-factor sign-in until an administrator sets the policy. */
  mfaRequiredRoles: Role[];
  /** Where uploaded images are kept (by the local folder store). */
  mediaDir: string;
  /** Another place to keep them (an object store); the folder `mediaDir` when absent. */
  mediaStore?: MediaStore;
};

let current: ApiConfig | undefined;

/** Set once at start-up, before the first request. */
export function configureApi(config: ApiConfig): void {
  current = config;
}

export function apiConfig(): ApiConfig {
  if (!current) throw new Error("The API has not been configured: call configureApi() at start-up.");
  return current;
}
