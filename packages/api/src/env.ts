import { parseEnv } from "@observatory/db";
import { z } from "zod";

const isProduction = process.env.NODE_ENV === "production";

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
