import { createDb, type Db } from "@observatory/db";
import { databaseUrl } from "../playwright.config";

// The journeys' own connection to the database the apps use: to prepare what the seed lacks (through
// the database package's factories, so a schema change breaks them at compile time) and to check
// what a form stored.

export async function withDb<T>(fn: (db: Db) => Promise<T>): Promise<T> {
  const db = createDb(databaseUrl, 2);
  try {
    return await fn(db);
  } finally {
    await db.$disconnect();
  }
}

/** The id of a seeded user. */
export async function userIdOf(db: Db, email: string): Promise<string> {
  return (await db.user.findUniqueOrThrow({ where: { email }, select: { id: true } })).id;
}
