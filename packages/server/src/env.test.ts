import { afterEach, describe, expect, it, vi } from "vitest";

async function freshEnv(variables: Record<string, string>) {
  vi.resetModules();
  for (const [name, value] of Object.entries(variables)) vi.stubEnv(name, value);
  const { hostEnv } = await import("./env.ts");
  return hostEnv();
}

describe("the environment of the hosted apps", () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it("requires multi-factor sign-in for administrators by default in production, for no one elsewhere", async () => {
    const production = await freshEnv({ NODE_ENV: "production", APP_SECRET: "a".repeat(40) });
    expect(production.MFA_REQUIRED_ROLES).toEqual(["ADMIN"]);
    const development = await freshEnv({ NODE_ENV: "development" });
    expect(development.MFA_REQUIRED_ROLES).toEqual([]);
  });

  it("reads MFA_REQUIRED_ROLES as roles or none, and names it when it is wrong", async () => {
    expect((await freshEnv({ MFA_REQUIRED_ROLES: "admin, editor" })).MFA_REQUIRED_ROLES).toEqual(["ADMIN", "EDITOR"]);
    expect(
      (await freshEnv({ NODE_ENV: "production", APP_SECRET: "a".repeat(40), MFA_REQUIRED_ROLES: "none" }))
        .MFA_REQUIRED_ROLES,
    ).toEqual([]);
    await expect(freshEnv({ MFA_REQUIRED_ROLES: "wizard" })).rejects.toThrow(/MFA_REQUIRED_ROLES/);
  });

  it("reads the SMTP settings with a local default", async () => {
    expect(await freshEnv({})).toMatchObject({ SMTP_HOST: "127.0.0.1", SMTP_PORT: 1025, SMTP_SECURE: false });
    expect(await freshEnv({ SMTP_PORT: "2525", SMTP_SECURE: "true" })).toMatchObject({
      SMTP_PORT: 2525,
      SMTP_SECURE: true,
    });
    await expect(freshEnv({ SMTP_PORT: "smtp" })).rejects.toThrow(/SMTP_PORT/);
  });

  it("reads each app's port, falling back to PORT, and names a bad one", async () => {
    const { portOf } = await import("./env.ts");
    expect(portOf("web", await freshEnv({}))).toBe(3000);
    expect(portOf("admin", await freshEnv({ PORT: "4001" }))).toBe(4001);
    expect(portOf("web", await freshEnv({ PORT: "4001", WEB_PORT: "4000" }))).toBe(4000);
    await expect(freshEnv({ WEB_PORT: "abc" })).rejects.toThrow(/WEB_PORT/);
  });

  it("reads SHARED_CACHE_SECONDS as whole seconds, 120 by default, and says what it must be", async () => {
    expect((await freshEnv({})).SHARED_CACHE_SECONDS).toBe(120);
    expect((await freshEnv({ SHARED_CACHE_SECONDS: "2" })).SHARED_CACHE_SECONDS).toBe(2);
    expect((await freshEnv({ SHARED_CACHE_SECONDS: "0" })).SHARED_CACHE_SECONDS).toBe(0);
    for (const bad of ["2s", "1.5", "-1", "86401"]) {
      await expect(freshEnv({ SHARED_CACHE_SECONDS: bad })).rejects.toThrow(
        "Invalid environment variable SHARED_CACHE_SECONDS: must be a whole number of seconds from 0 to 86400 (a day)",
      );
    }
  });
});
