import net from "node:net";
import type { PGlite } from "@electric-sql/pglite";

// The PostgreSQL wire protocol in front of one PGlite database, so that other processes use it
// with the ordinary `pg` driver as if it were a server.
//
// PGlite is a single database session. Every connection's requests run on it one at a time, in
// the order they arrived; a request is all the complete messages one read from the connection
// brought (a whole Parse/Bind/Describe/Execute/Sync, say), run in one call, and its answer goes
// back in one write. A connection keeps the session while it is inside a transaction or an
// extended-protocol sequence that has not reached its Sync: the others' requests wait until then.
//
// LISTEN/NOTIFY: the one session listens on behalf of every connection that asked, so PostgreSQL
// puts each notification in the answer of whichever request committed it. The server takes it out
// of that answer and sends it to the connections listening on its channel instead, as a server's
// backends would.
//
// Prepared statements: the apps name their statements after their text (statement-names.ts), so
// every connection prepares the same names, and on a server each connection has its own. Here they
// all share the session's: the first Parse of a name prepares it; a later Parse of the same name
// with the same text, from any connection, is answered ParseComplete without reaching PostgreSQL.
// A DEALLOCATE or DISCARD ALL would take the others' statements away: they are prepared again.
//
// Settings asked for at connection start (`options`, as `-c name=value`): PGlite itself ignores
// them, so the server applies a connection's own to the session before each of its requests that
// starts on a free session, and resets those it did not ask for (`SET` and `RESET`, only when they
// differ from what the session has). A setting one connection changes with its own SET is the
// session's, as before.

const SSL_REQUEST = 80877103;
const GSSENC_REQUEST = 80877104;
const CANCEL_REQUEST = 80877102;
const TERMINATE = "X".charCodeAt(0);
const QUERY = "Q".charCodeAt(0);
const NOTIFICATION = "A".charCodeAt(0);
const PARSE = "P".charCodeAt(0);
const PARSE_COMPLETE = Buffer.from([0x31, 0, 0, 0, 4]);
const SYNC = Buffer.from([0x53, 0, 0, 0, 4]);
/** A simple query that drops the session's prepared statements. */
const DROPS_STATEMENTS = /^\s*(DEALLOCATE|DISCARD\s+ALL)\b/i;
/** A simple query that starts or stops listening: `LISTEN name`, `UNLISTEN name` or `UNLISTEN *`. */
const LISTEN_COMMAND = /^\s*(LISTEN|UNLISTEN)\s+(\*|"[^"]+"|[A-Za-z_][\w$]*)\s*;?\s*$/i;
/** A simple query after which the session has its default settings again. */
const RESETS_SETTINGS = /^\s*(DISCARD\s+ALL|RESET\s+ALL)\b/i;
/** Messages that leave an extended-protocol sequence unfinished until its Sync. */
const UNFINISHED = new Set([..."PBDECH"].map((c) => c.charCodeAt(0)));

type Connection = {
  socket: net.Socket;
  pending: Buffer;
  started: boolean;
  open: boolean;
  channels: Set<string>;
  /** The settings it asked for when it started: name to value. */
  settings: Map<string, string>;
};
/**
 * `startup`: the connection's startup message. `restore`: the request drops prepared statements,
 * which other connections still count on. `resets`: it puts the session's settings back to their defaults.
 */
type Request = {
  connection: Connection;
  bytes: Uint8Array;
  last: number;
  startup?: boolean;
  restore?: boolean;
  resets?: boolean;
};

/** A Sync then a ROLLBACK: whatever a connection that went away left unfinished on the session. */
const RESET = (() => {
  const query = Buffer.from("ROLLBACK\0");
  const bytes = Buffer.alloc(5 + 5 + query.length);
  bytes.write("S", 0);
  bytes.writeInt32BE(4, 1);
  bytes.write("Q", 5);
  bytes.writeInt32BE(4 + query.length, 6);
  query.copy(bytes, 10);
  return bytes;
})();

export class WireServer {
  readonly #db: PGlite;
  readonly #server: net.Server;
  readonly #connections = new Set<Connection>();
  #queue: Request[] = [];
  /** The connection that holds the session (in a transaction or an unfinished sequence). */
  #owner: Connection | null = null;
  #running = false;
  /** The session's prepared statements: name to the body of the Parse that made it. */
  readonly #prepared = new Map<string, Buffer>();
  /** The settings the server has applied to the session for a connection: name to value. */
  #settings = new Map<string, string>();

  constructor(db: PGlite) {
    this.#db = db;
    this.#server = net.createServer((socket) => this.#accept(socket));
  }

  listen(port: number, host: string): Promise<void> {
    return new Promise((resolve, reject) => {
      this.#server.once("error", reject);
      this.#server.listen(port, host, () => {
        this.#server.off("error", reject);
        resolve();
      });
    });
  }

  /** Stops listening and drops every connection; requests already running finish. */
  close(): Promise<void> {
    for (const connection of this.#connections) connection.socket.destroy();
    return new Promise((resolve) => this.#server.close(() => resolve()));
  }

  #accept(socket: net.Socket): void {
    const connection: Connection = {
      socket,
      pending: Buffer.alloc(0),
      started: false,
      open: true,
      channels: new Set(),
      settings: new Map(),
    };
    this.#connections.add(connection);
    socket.setNoDelay(true);
    socket.on("data", (chunk: Buffer) => this.#receive(connection, chunk));
    socket.on("error", () => socket.destroy());
    socket.on("close", () => this.#drop(connection));
  }

  #receive(connection: Connection, chunk: Buffer): void {
    let buffer = connection.pending.length ? Buffer.concat([connection.pending, chunk]) : chunk;
    // Before the startup message: length-prefixed packets with no type byte.
    while (!connection.started && buffer.length >= 8) {
      const length = buffer.readInt32BE(0);
      if (buffer.length < length) break;
      const code = buffer.readInt32BE(4);
      if (code === SSL_REQUEST || code === GSSENC_REQUEST) {
        connection.socket.write("N"); // no encryption on 127.0.0.1: the client goes on in plain text
      } else if (code === CANCEL_REQUEST) {
        connection.socket.destroy(); // a cancel arrives on a connection of its own; it is not supported
        return;
      } else {
        connection.started = true;
        const startup = buffer.subarray(0, length);
        connection.settings = startupSettings(startup);
        this.#enqueue({ connection, bytes: startup, last: 0, startup: true });
      }
      buffer = buffer.subarray(length);
    }
    if (!connection.started) {
      connection.pending = buffer;
      return;
    }
    let end = 0;
    let last = 0;
    let terminate = false;
    let restore = false;
    let resets = false;
    while (end + 5 <= buffer.length) {
      const size = 1 + buffer.readInt32BE(end + 1);
      if (end + size > buffer.length) break;
      if (buffer[end] === TERMINATE) {
        terminate = true;
        break;
      }
      last = buffer[end] ?? 0;
      if (last === QUERY) {
        const query = buffer.toString("utf8", end + 5, end + size - 1);
        this.#noteListening(connection, query);
        restore ||= DROPS_STATEMENTS.test(query);
        resets ||= RESETS_SETTINGS.test(query);
      }
      end += size;
    }
    if (end > 0) this.#enqueue({ connection, bytes: buffer.subarray(0, end), last, restore, resets });
    connection.pending = terminate ? Buffer.alloc(0) : buffer.subarray(end);
    if (terminate) connection.socket.end();
  }

  /** Keeps track of the channels a connection listens on, from its LISTEN and UNLISTEN queries. */
  #noteListening(connection: Connection, query: string): void {
    const match = LISTEN_COMMAND.exec(query);
    if (!match) return;
    const [, command = "", name = ""] = match;
    const channel = name.startsWith('"') ? name.slice(1, -1) : name.toLowerCase();
    if (command.toUpperCase() === "LISTEN") connection.channels.add(channel);
    else if (channel === "*") connection.channels.clear();
    else connection.channels.delete(channel);
  }

  /** Takes the notifications out of an answer and sends each to the connections listening on its channel. */
  #routeNotifications(answer: Buffer): Buffer {
    const kept: Buffer[] = [];
    let start = 0;
    let at = 0;
    while (at + 5 <= answer.length) {
      const size = 1 + answer.readInt32BE(at + 1);
      if (answer[at] === NOTIFICATION) {
        if (at > start) kept.push(answer.subarray(start, at));
        const message = answer.subarray(at, at + size);
        const channelEnd = message.indexOf(0, 9);
        const channel = message.toString("utf8", 9, channelEnd);
        for (const listener of this.#connections)
          if (listener.open && listener.channels.has(channel) && listener.socket.writable)
            listener.socket.write(message);
        start = at + size;
      }
      at += size;
    }
    if (start === 0) return answer;
    if (start < answer.length) kept.push(answer.subarray(start));
    return Buffer.concat(kept);
  }

  #enqueue(request: Request): void {
    this.#queue.push(request);
    void this.#run();
  }

  #drop(connection: Connection): void {
    connection.open = false;
    this.#connections.delete(connection);
    this.#queue = this.#queue.filter((r) => r.connection !== connection);
    if (this.#owner === connection) void this.#run();
  }

  async #run(): Promise<void> {
    if (this.#running) return;
    this.#running = true;
    try {
      for (;;) {
        const owner = this.#owner;
        // A connection that went away while holding the session: end what it left unfinished.
        if (owner && !owner.open) {
          await this.#execute({ connection: owner, bytes: RESET, last: 0 });
          continue;
        }
        const index = owner ? this.#queue.findIndex((r) => r.connection === owner) : 0;
        // The owner's next request has not arrived yet: receiving it starts the queue again.
        if (index === -1 || this.#queue.length === 0) break;
        const [request] = this.#queue.splice(index, 1);
        if (request) await this.#execute(request);
      }
    } finally {
      this.#running = false;
    }
  }

  async #execute({ connection, bytes: received, last, startup, restore, resets }: Request): Promise<void> {
    // On a free session, this connection's settings first. One that cannot be applied refuses the
    // connection at its start, as a server does.
    if (received !== RESET && this.#owner === null) {
      try {
        await this.#applySettings(connection.settings);
      } catch (error) {
        connection.open = false;
        // At its start the client is told why, then the socket closes once that is written.
        if (startup) connection.socket.end(fatal((error as Error).message));
        else {
          console.error(`embedded database: a connection's settings failed: ${(error as Error).message}`);
          connection.socket.destroy();
        }
        return;
      }
    }
    const answer: Buffer[] = [];
    const parse = namedParse(received);
    const known = parse !== null && this.#prepared.get(parse.name)?.equals(parse.body) === true;
    // A statement the session already has: its Parse is answered here and the rest runs.
    if (known && parse) answer.push(PARSE_COMPLETE);
    const bytes = known && parse ? received.subarray(parse.body.length) : received;
    try {
      if (bytes.length)
        await this.#db.runExclusive(async () => {
          await this.#db.execProtocolRawStream(bytes, { onRawData: (data) => answer.push(Buffer.from(data)) });
          // The statements every other connection has prepared are made again, answered to no one.
          if (restore)
            for (const statement of this.#prepared.values())
              await this.#db.execProtocolRawStream(Buffer.concat([statement, SYNC]), { onRawData: () => {} });
        });
    } catch (error) {
      // PostgreSQL reports its own errors in the answer; this is PGlite failing around it. The
      // connection is dropped, and the session reset before anyone else uses it (unless it was the
      // reset that failed: there is nothing more to try).
      console.error(`embedded database: a request failed outside PostgreSQL: ${(error as Error).message}`);
      this.#owner = received === RESET ? null : connection;
      connection.open = false;
      connection.socket.destroy();
      return;
    }
    // A reset always frees the session; anything else holds it while unfinished (and if its
    // connection has gone meanwhile, the queue resets it next).
    this.#owner = received !== RESET && (UNFINISHED.has(last) || this.#db.isInTransaction()) ? connection : null;
    const whole = answer.length === 1 ? (answer[0] as Buffer) : Buffer.concat(answer);
    if (parse && !known && whole[0] === PARSE_COMPLETE[0]) this.#prepared.set(parse.name, Buffer.from(parse.body));
    if (resets) this.#settings.clear();
    const reply = this.#routeNotifications(whole);
    if (connection.open && reply.length && connection.socket.writable) connection.socket.write(reply);
  }

  /** Makes the session's settings this connection's: SET what differs, RESET what it did not ask for. */
  async #applySettings(wanted: Map<string, string>): Promise<void> {
    const statements: string[] = [];
    for (const [name, value] of wanted) {
      if (!SETTING_NAME.test(name)) throw new Error(`invalid setting name "${name}"`);
      if (this.#settings.get(name) !== value) statements.push(`SET ${name} TO ${quoted(value)}`);
    }
    for (const name of this.#settings.keys()) if (!wanted.has(name)) statements.push(`RESET ${name}`);
    if (!statements.length) return;
    await this.#db.exec(statements.join("; "));
    this.#settings = new Map(wanted);
  }
}

/** The settings asked for in a startup message's `options`: `-c name=value`, `-cname=value` or `--name=value`. */
function startupSettings(startup: Uint8Array): Map<string, string> {
  const settings = new Map<string, string>();
  // After the length and the protocol version: name, value, name, value ... each ended by a zero byte.
  const fields = Buffer.from(startup.buffer, startup.byteOffset, startup.byteLength).toString("utf8", 8).split("\0");
  let options = "";
  for (let i = 0; i + 1 < fields.length; i += 2) if (fields[i] === "options") options = fields[i + 1] ?? "";
  const words = options.trim().split(/\s+/).filter(Boolean);
  for (let i = 0; i < words.length; i += 1) {
    const word = words[i] ?? "";
    const pair =
      word === "-c" ? words[++i] : word.startsWith("--") ? word.slice(2) : word.startsWith("-c") ? word.slice(2) : null;
    const at = pair?.indexOf("=") ?? -1;
    if (pair && at > 0) settings.set(pair.slice(0, at).toLowerCase().replaceAll("-", "_"), pair.slice(at + 1));
  }
  return settings;
}

/** An ErrorResponse of severity FATAL (a connection refused at its start). */
function fatal(message: string): Buffer {
  const fields = Buffer.from(`SFATAL\0VFATAL\0C22023\0M${message}\0\0`);
  const head = Buffer.alloc(5);
  head.write("E", 0);
  head.writeInt32BE(4 + fields.length, 1);
  return Buffer.concat([head, fields]);
}

const SETTING_NAME = /^[a-z_][a-z0-9_.]*$/;
const quoted = (value: string) => `'${value.replaceAll("'", "''")}'`;

/** The Parse message a request starts with, when it names its statement: the name and the whole message. */
function namedParse(bytes: Uint8Array): { name: string; body: Buffer } | null {
  if (bytes[0] !== PARSE || bytes.length < 6 || bytes[5] === 0) return null;
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const size = 1 + buffer.readInt32BE(1);
  const nameEnd = buffer.indexOf(0, 5);
  if (size > buffer.length || nameEnd === -1 || nameEnd >= size) return null;
  return { name: buffer.toString("utf8", 5, nameEnd), body: buffer.subarray(0, size) };
}
