import * as luciaCases from "@lucia-auth/adapter-test";
import { createTestDatabase, type TestDatabase } from "@observatory/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AttributeMapping, createSessionStore, type SessionStore } from "./session-store.ts";

type CaseSession = { country: string | null };
type CaseUser = { username: string };

// Lucia's cases carry attributes of their own ({ country }, { username }), while the package is
// typed with the attributes this project registers for Lucia: they are described here as they are.
const { testAdapter, databaseUser } = luciaCases as unknown as {
  testAdapter: (adapter: SessionStore<CaseSession, CaseUser>) => Promise<void>;
  databaseUser: { id: string; attributes: CaseUser };
};

// Lucia's attributes kept in columns of the project's tables, so the cases run on the real schema.
const caseMapping: AttributeMapping<CaseSession, CaseUser> = {
  readSession: ({ userAgent }) => ({ country: userAgent }),
  writeSession: ({ country }) => ({ mfaVerifiedAt: null, ipHash: null, userAgent: country, lastSeenAt: new Date() }),
  readUser: ({ name }) => ({ username: name }),
};

describe("the session store", () => {
  let database: TestDatabase | undefined;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database?.close();
  });

  it("passes Lucia's adapter test cases", async () => {
    if (!database) throw new Error("the test database is not ready");
    const { db } = database;
    await db.user.create({
      data: {
        id: databaseUser.id,
        email: `${databaseUser.id}@observatory.test`,
        name: databaseUser.attributes.username,
        role: "AUTHOR",
      },
    });
    await testAdapter(createSessionStore(db, caseMapping));
    expect(await db.session.count()).toBe(0);
  });
});
