import { parseEnv } from "@observatory/db";
import { z } from "zod";

const isProduction = process.env.NODE_ENV === "production";

const rateLimit = z
  .string()
  .regex(/^\d+\/\d+$/, 'must look like "5/600" (count/seconds)')
  .transform((v) => {
    const [limit, windowSeconds] = v.split("/").map(Number);
    return { limit: limit ?? 0, windowSeconds: Math.max(1, windowSeconds ?? 1) };
  });

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
