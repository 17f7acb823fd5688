import pg from "pg";
import { describeDbError } from "./client.ts";

/**
 * The channel on which the database announces each change to what the public sees: the trigger that
 * bumps the public content version sends the new version there when the change commits.
 */
export const PUBLIC_CHANGES_CHANNEL = "public_content_version";

export type ListenHandlers = {
  /** Listening has started (again): anything may have changed while it was not. */
  onListening(): void;
  /** A notification on the channel, with its payload. */
  onNotification(payload: string): void;
  /** The connection was lost or could not be made: nothing is heard until onListening again. */
  onLost(reason: string): void;
};

export type Listening = { stop(): Promise<void> };

/**
 * Listens on `channel` over a connection of its own (a pool's connections come and go, and LISTEN
 * belongs to one session), and connects again after a loss, waiting longer each time up to 5 s.
 * Works the same on a PostgreSQL server and on the embedded database.
 */
export function listen(url: string, channel: string, handlers: ListenHandlers): Listening {
  let client: pg.Client | null = null;
  let stopped = false;
  let retryMs = 100;
  let retry: NodeJS.Timeout | null = null;

  const lost = (current: pg.Client, reason: string) => {
    if (client !== current) return;
    client = null;
    current.removeAllListeners("notification");
    current.end().catch(() => {});
    if (stopped) return;
    handlers.onLost(reason);
    retry = setTimeout(connect, retryMs);
    retryMs = Math.min(retryMs * 2, 5_000);
  };

  async function connect() {
    retry = null;
    const current = new pg.Client({ connectionString: url, keepAlive: true, connectionTimeoutMillis: 5_000 });
    client = current;
    current.on("error", (error) => lost(current, describeDbError(error)));
    current.on("end", () => lost(current, "the connection closed"));
    current.on("notification", (message) => {
      if (message.channel === channel) handlers.onNotification(message.payload ?? "");
    });
    try {
      await current.connect();
      await current.query(`LISTEN "${channel.replaceAll('"', '""')}"`);
    } catch (error) {
      lost(current, describeDbError(error));
      return;
    }
    if (client !== current || stopped) return;
    retryMs = 100;
    handlers.onListening();
  }

  void connect();
  return {
    async stop() {
      stopped = true;
      if (retry) clearTimeout(retry);
      const current = client;
      client = null;
      await current?.end().catch(() => {});
    },
  };
}
