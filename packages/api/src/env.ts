import path from "node:path";
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

const schema = z.object({
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
  /** Trust X-Forwarded-For from a reverse proxy in front of the apps. */
  TRUST_PROXY: z
    .enum(["true", "false"])
    .default("false")
    .transform((v) => v === "true"),
});

export type ApiEnv = z.infer<typeof schema>;

let cached: ApiEnv | undefined;
export function apiEnv(): ApiEnv {
  cached ??= parseEnv(schema, process.env);
  return cached;
}
