import { getDb, pingDatabase } from "@observatory/db";

/**
 * Whether the database answers within a second. Re-exported by each app's entry so that it asks the
 * app's own database client (the app's build carries its own copy of the database modules).
 */
export async function databaseReachable(): Promise<boolean> {
  try {
    await pingDatabase(await getDb(), 1_000);
    return true;
  } catch {
    return false;
  }
}
