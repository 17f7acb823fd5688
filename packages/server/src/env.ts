// The environment of the hosted apps, validated in one place: the HTTP server's own settings, and
// the API's configuration (the API reads no environment of its own).
import path from "node:path";
import type { ApiConfig } from "@observatory/api";
import { parseEnv, Role, repoRoot } from "@observatory/db";
import { z } from "zod";

const isProduction = process.env.NODE_ENV === "production";

const rateLimit = z
  .string()
  .regex(/^\d+\/\d+$/, 'must look like "5/600" (count/seconds)')
  .transform((v) => {
    const [limit, windowSeconds] = v.split("/").map(Number);
    return { limit: limit ?? 0, windowSeconds: Math.max(1, windowSeconds ?? 1) };
  });

const flag = z
  .enum(["true", "false"])
  .default("false")
  .transform((v) => v === "true");

const roleList = z
  .string()
  .transform((v) => (v.trim().toLowerCase() === "none" ? [] : v.split(",").map((r) => r.trim().toUpperCase())))
  .pipe(z.array(z.enum(Role, 'must be "none" or a comma-separated list of roles')));

const sharedCacheMessage = "must be a whole number of seconds from 0 to 86400 (a day)";

const port = z.coerce
  .number()
  .int()
  .min(1, "must be a port number (1-65535)")
  .max(65535, "must be a port number (1-65535)");

const schema = z.object({
  /** Ports of the two apps; PORT applies to whichever app is started when its own is not set. */
  WEB_PORT: port.optional(),
  ADMIN_PORT: port.optional(),
  PORT: port.optional(),
  /** Address the apps listen on (0.0.0.0 behind a load balancer). */
  HOST: z.string().min(1).default("127.0.0.1"),
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  /** Keys the HMACs of IP addresses and signs share links; 32+ characters. */
  APP_SECRET: isProduction
    ? z
        .string({ error: "is required in production (32 or more random characters)" })
        .min(32, "must be 32 or more characters")
    : z.string().min(32, "must be 32 or more characters").default("development-only-secret-do-not-use-in-production"),
  PUBLIC_SITE_URL: z.url().default("http://localhost:3000"),
  ADMIN_SITE_URL: z.url().default("http://localhost:3001"),
  /** Seconds a reader must take over the comment form (faster submissions are refused as automated). */
  COMMENT_MIN_SECONDS: z.coerce.number().int().min(0).max(3600).default(3),
  /** Comment rate limits as "count/seconds"; a count of 0 turns the limit off (benchmarks). */
  COMMENT_RATE_LIMIT_IP: rateLimit.default({ limit: 5, windowSeconds: 600 }),
  COMMENT_RATE_LIMIT_EMAIL: rateLimit.default({ limit: 5, windowSeconds: 3600 }),
  /** Days after which a comment's IP hash is deleted. */
  COMMENT_IP_HASH_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
  /** Outgoing mail. The default suits a local mail catcher (Mailpit, MailHog) on port 1025. */
  SMTP_HOST: z.string().min(1).default("127.0.0.1"),
  SMTP_PORT: z.coerce.number().int().min(1).max(65535).default(1025),
  /** `true` for TLS from the start (usually port 465); otherwise STARTTLS is used when the server offers it. */
  SMTP_SECURE: flag,
  SMTP_USER: z.string().min(1).optional(),
  SMTP_PASSWORD: z.string().min(1).optional(),
  SMTP_FROM: z.string().min(3).default("NHS Race and Health Observatory <no-reply@observatory.test>"),
  /**
   * Roles that must use multi-factor sign-in until an administrator sets the policy in the admin app:
   * comma-separated roles, or "none". Administrators by default in production.
   */
  MFA_REQUIRED_ROLES: isProduction ? roleList.default(["ADMIN"]) : roleList.default([]),
  /** Where uploaded images are kept (served by the public site at /media/<key>). */
  MEDIA_DIR: z
    .string()
    .min(1)
    .default(path.join(repoRoot, ".data", "media")),
  /**
   * The most the public site's page cache holds in each process, in megabytes; the least recently
   * used pages go first (0 turns the cache off).
   */
  PAGE_CACHE_MB: z.coerce.number().int().min(0).max(16_384).default(64),
  /**
   * The most seconds after a change commits that a CDN or other shared cache may still serve a
   * public page from before it (decision 033): half of it is the pages' `s-maxage` (and browsers'
   * `max-age`), the rest their `stale-while-revalidate`; 0 makes shared caches revalidate every time.
   */
  SHARED_CACHE_SECONDS: z.coerce
    .number({ error: sharedCacheMessage })
    .int(sharedCacheMessage)
    .min(0, sharedCacheMessage)
    .max(86_400, sharedCacheMessage)
    .default(120),
  /**
   * An S3-compatible object store for uploaded images and attachments, `s3://bucket` or
   * `s3://bucket/prefix`, instead of MEDIA_DIR; the AWS SDK's variables give its endpoint, region
   * and credentials.
   */
  MEDIA_STORE: z
    .string()
    .regex(/^s3:\/\/[a-z0-9][a-z0-9.-]{1,61}[a-z0-9](\/.*)?$/, "must be s3://bucket or s3://bucket/prefix")
    .optional(),
  /** `true` for an object store that names the bucket in the path (MinIO and most self-hosted ones). */
  S3_FORCE_PATH_STYLE: flag,
  /** Trust X-Forwarded-For from a reverse proxy in front of the apps. */
  TRUST_PROXY: z
    .enum(["true", "false"])
    .default("false")
    .transform((v) => v === "true"),
});

export type HostEnv = z.infer<typeof schema>;

/** The host's settings from these variables. */
export function parseHostEnv(env: NodeJS.ProcessEnv): HostEnv {
  return parseEnv(schema, env);
}

let cached: HostEnv | undefined;
export function hostEnv(): HostEnv {
  cached ??= parseHostEnv(process.env);
  return cached;
}

export type AppName = "web" | "admin";

export function portOf(app: AppName, env: HostEnv = hostEnv()): number {
  return (app === "web" ? env.WEB_PORT : env.ADMIN_PORT) ?? env.PORT ?? (app === "web" ? 3000 : 3001);
}

/** What the API is configured with, from the environment. */
export function apiConfigFromEnv(env: HostEnv = hostEnv()): ApiConfig {
  return {
    isProduction: env.NODE_ENV === "production",
    appSecret: env.APP_SECRET,
    publicSiteUrl: env.PUBLIC_SITE_URL,
    adminSiteUrl: env.ADMIN_SITE_URL,
    commentMinSeconds: env.COMMENT_MIN_SECONDS,
    commentRateLimitIp: env.COMMENT_RATE_LIMIT_IP,
    commentRateLimitEmail: env.COMMENT_RATE_LIMIT_EMAIL,
    commentIpHashRetentionDays: env.COMMENT_IP_HASH_RETENTION_DAYS,
    smtp: {
      host: env.SMTP_HOST,
      port: env.SMTP_PORT,
      secure: env.SMTP_SECURE,
      user: env.SMTP_USER,
      password: env.SMTP_PASSWORD,
      from: env.SMTP_FROM,
    },
    mfaRequiredRoles: env.MFA_REQUIRED_ROLES,
    mediaDir: env.MEDIA_DIR,
  };
}
