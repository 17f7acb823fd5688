import { type Db, getDb } from "@observatory/db";
import { deliverDueEmails } from "./deliver.ts";
import { type MailTransport, smtpTransport } from "./transport.ts";

/** What the tRPC context holds: a way to say "mail may be waiting", which never blocks the request. */
export type MailKicker = { kick(): void };

export type Mailer = MailKicker & {
  /** Sends everything due now; resolves when the outbox has nothing more due. */
  deliverNow(): Promise<void>;
  /** Resolves once no delivery run is in progress (tests wait for it before closing the database). */
  idle(): Promise<void>;
  /** Also delivers every `intervalMs` (retries, mail queued outside a request); returns a stop function. */
  start(intervalMs: number): () => void;
};

const BATCH_SIZE = 10;

export function createMailer(db: Db, transport: MailTransport): Mailer {
  let running: Promise<void> | null = null;
  // Set by a kick that arrives during a run, so that the run goes round once more.
  let again = false;

  async function drain(): Promise<void> {
    try {
      do {
        again = false;
        const { claimed } = await deliverDueEmails(db, transport, { batchSize: BATCH_SIZE });
        if (claimed === BATCH_SIZE) again = true;
      } while (again);
    } catch (error) {
      console.error(`mail: delivery run failed: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      running = null;
    }
  }

  function deliverNow(): Promise<void> {
    if (running) {
      again = true;
      return running;
    }
    running = drain();
    return running;
  }

  return {
    deliverNow,
    kick: () => {
      void deliverNow();
    },
    idle: () => running ?? Promise.resolve(),
    start(intervalMs) {
      const timer = setInterval(() => void deliverNow(), intervalMs);
      timer.unref();
      return () => clearInterval(timer);
    },
  };
}

const mailers = new WeakMap<Db, Mailer>();

/** The process's mailer for `db`, sending through the SMTP server in the environment. */
export function mailerFor(db: Db): Mailer {
  let mailer = mailers.get(db);
  if (!mailer) {
    mailer = createMailer(db, smtpTransport());
    mailers.set(db, mailer);
  }
  return mailer;
}

/** Starts the delivery loop of a server process (the admin app runs one): a first run now, then every interval. */
export async function startMailDelivery(intervalMs = 15_000): Promise<() => void> {
  const mailer = mailerFor(await getDb());
  mailer.kick();
  return mailer.start(intervalMs);
}
