import { dbEnv, listen, PUBLIC_CHANGES_CHANNEL, resolveDatabaseUrl } from "@observatory/db";

/** What follows the database's announcements of public changes: the web app's page cache. */
export type ChangeFollower = {
  /** Notifications are heard from now on: the state read next may be trusted until one comes. */
  following(): void;
  /** A visible change was committed. */
  changed(): void;
  /** Notifications may be missed (the connection was lost): read the state for every request. */
  lost(): void;
};

/**
 * Once per web server process: listens for the database's notification of each committed public
 * change, so that the page cache answers without asking the database whether a page is current
 * (decision 031). While the connection is down the cache asks for every request, as it does before
 * the first connection.
 */
export async function followPublicChanges(follower: ChangeFollower): Promise<void> {
  const url = dbEnv().DATABASE_LISTEN_URL ?? (await resolveDatabaseUrl());
  let warned = false;
  listen(url, PUBLIC_CHANGES_CHANNEL, {
    onListening() {
      if (warned) console.log("page cache: following public changes again");
      warned = false;
      follower.following();
    },
    onNotification() {
      follower.changed();
    },
    onLost(reason) {
      follower.lost();
      if (!warned) console.warn(`page cache: not following public changes (${reason}); reading them per request`);
      warned = true;
    },
  });
}
