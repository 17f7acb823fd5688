import { createDb, type Db } from "@observatory/db";
import { createItem } from "@observatory/db/testing";
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

/**
 * A live news item of a journey's own, by the demo editor, for comments: the journey posts and clears
 * them there, so the seeded articles keep their counts. Returns its id.
 */
export async function createArticleToCommentOn(slug: string, title: string): Promise<string> {
  return withDb(async (db) => {
    const authorId = await userIdOf(db, "editor@observatory.test");
    const item = await createItem(db, {
      slug,
      authorId,
      live: { title, summary: "An article to comment on.", body: "Body." },
    });
    return item.id;
  });
}
