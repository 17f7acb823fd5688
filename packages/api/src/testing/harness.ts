import type { Role } from "@observatory/db";
import { createTestDatabase, type TestDatabase } from "@observatory/db/testing";
import { afterAll, beforeAll } from "vitest";
import { createCaller } from "../caller.ts";
import { createContext } from "../context.ts";

export type Harness = {
  readonly db: TestDatabase["db"];
  /** A caller as an anonymous visitor, from `ip`. */
  anonymous: (ip?: string) => Promise<ReturnType<typeof createCaller>>;
  /** A caller signed in as a new user with `role`. */
  as: (role: Role, ip?: string) => Promise<ReturnType<typeof createCaller>>;
};

/** Gives the test file its own migrated database (closed after the file) and callers over the real router. */
export function useHarness(): Harness {
  let database: TestDatabase | undefined;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database?.close();
  });
  const db = () => {
    if (!database) throw new Error("the test database is not ready (use the harness inside tests)");
    return database.db;
  };
  let counter = 0;
  return {
    get db() {
      return db();
    },
    anonymous: async (ip = "203.0.113.7") =>
      createCaller(await createContext({ request: new Request("http://localhost/"), clientIp: ip, db: db() })),
    as: async (role, ip = "203.0.113.8") => {
      counter += 1;
      const user = await db().user.create({
        data: {
          email: `${role.toLowerCase()}-${counter}-${Date.now()}@observatory.test`,
          name: `${role} ${counter}`,
          role,
        },
      });
      const ctx = await createContext({ request: new Request("http://localhost/"), clientIp: ip, db: db() });
      const { token } = await ctx.auth.createSession(user.id, { ipHash: null, userAgent: "vitest", mfaVerified: true });
      const request = new Request("http://localhost/", { headers: { cookie: `observatory_session=${token}` } });
      return createCaller(await createContext({ request, clientIp: ip, db: db() }));
    },
  };
}
