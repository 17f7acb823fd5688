import os from "node:os";
import path from "node:path";
import { type ApiConfig, configureApi } from "../config.ts";

/** The configuration every test runs with (the development defaults), with any overrides. */
export function testApiConfig(overrides: Partial<ApiConfig> = {}): ApiConfig {
  return {
    isProduction: false,
    appSecret: "test-only-secret-of-at-least-32-characters",
    publicSiteUrl: "http://localhost:3000",
    adminSiteUrl: "http://localhost:3001",
    commentMinSeconds: 3,
    commentRateLimitIp: { limit: 5, windowSeconds: 600 },
    commentRateLimitEmail: { limit: 5, windowSeconds: 3600 },
    commentIpHashRetentionDays: 90,
    smtp: {
      host: "127.0.0.1",
      port: 1025,
      secure: false,
      from: "NHS Race and Health Observatory <no-reply@observatory.test>",
    },
    mfaRequiredRoles: [],
    mediaDir: path.join(os.tmpdir(), "observatory-test-media"),
    ...overrides,
  };
}

/** Configures the API for a test file; also the setup file of every package's tests. */
export function configureForTests(overrides: Partial<ApiConfig> = {}): void {
  configureApi(testApiConfig(overrides));
}
