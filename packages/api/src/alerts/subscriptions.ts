import type { Db } from "@observatory/db";
import { z } from "zod";
import { createToken, hashToken } from "../auth/tokens.ts";
import { AppError, notFound } from "../errors.ts";
import { queueEmail } from "../mail/outbox.ts";
import { hitRateLimit, waitInWords } from "../rate-limit.ts";
import type { RequestMeta } from "../request-meta.ts";
import { type Choices, choicesInput, describeChoices, emailField } from "./choices.ts";
import { alreadySubscribedEmail, confirmationEmail } from "./emails.ts";
import { manageToken, subscriptionIdFrom } from "./links.ts";

// A reader's subscription, from the form to unsubscribing. Nothing is sent to an address until the
// link mailed to it is opened (double opt-in), and the form answers the same whether or not the
// address already has alerts: only the mail to the address says which.

/** How long a confirmation link works; an unconfirmed subscription is deleted after it (jobs.ts). */
export const CONFIRM_DAYS = 3;

/** Per IP address and per email address: enough for a person who mistypes, not for a mail bomb. */
const LIMITS = { ip: { limit: 10, windowSeconds: 3600 }, email: { limit: 3, windowSeconds: 3600 } };

export const subscribeInput = choicesInput.and(z.object({ email: emailField }));
export const tokenInput = z.object({ token: z.string().min(1).max(200) });
export const updateInput = choicesInput.and(tokenInput);

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

/** The workstream ids of the chosen priorities, refusing any that does not exist (a stale form). */
async function priorityIds(db: Pick<Db, "workstream">, slugs: string[]) {
  const found = await db.workstream.findMany({ where: { slug: { in: slugs } }, select: { id: true, title: true } });
  if (found.length !== new Set(slugs).size) {
    throw new AppError("BAD_REQUEST", "Some answers need correcting.", {
      priorities: "One of the priorities you chose no longer exists: choose again",
    });
  }
  return found;
}

async function setPriorities(tx: Tx, subscriptionId: string, ids: string[]) {
  await tx.alertSubscriptionPriority.deleteMany({ where: { subscriptionId } });
  await tx.alertSubscriptionPriority.createMany({
    data: ids.map((workstreamId) => ({ subscriptionId, workstreamId })),
  });
}

export async function subscribe(db: Db, request: RequestMeta, input: z.infer<typeof subscribeInput>) {
  const { email, ...choices } = input;
  const priorities = await priorityIds(db, choices.priorities);
  for (const [key, limit] of [
    ...(request.ipHash ? [[`alerts:ip:${request.ipHash}`, LIMITS.ip] as const] : []),
    [`alerts:email:${email}`, LIMITS.email] as const,
  ]) {
    const { allowed, retryAfterSeconds } = await hitRateLimit(db, key, limit);
    if (!allowed)
      throw new AppError(
        "TOO_MANY_REQUESTS",
        `Too many requests for alerts have been made. Try again in ${waitInWords(retryAfterSeconds)}.`,
      );
  }
  const token = createToken();
  const now = new Date();
  const expires = new Date(now.getTime() + CONFIRM_DAYS * 86_400_000);
  await db.$transaction(async (tx) => {
    // One statement, so two submissions of one address at once cannot both insert; a confirmed
    // subscription is left as it is (its choices change only through its manage link).
    const [pending] = await tx.$queryRaw<{ id: string }[]>`
      INSERT INTO "AlertSubscription" ("id", "email", "everything", "kinds", "frequency", "confirmTokenHash",
        "confirmExpiresAt", "createdAt")
      VALUES (gen_random_uuid()::text, ${email}, ${choices.everything}, ${choices.kinds}::"ContentKind"[],
        ${choices.frequency}::"AlertFrequency", ${hashToken(token)}, ${expires}, ${now})
      ON CONFLICT ("email") DO UPDATE SET "everything" = EXCLUDED."everything", "kinds" = EXCLUDED."kinds",
        "frequency" = EXCLUDED."frequency", "confirmTokenHash" = EXCLUDED."confirmTokenHash",
        "confirmExpiresAt" = EXCLUDED."confirmExpiresAt", "createdAt" = EXCLUDED."createdAt"
      WHERE "AlertSubscription"."confirmedAt" IS NULL
      RETURNING "id"`;
    if (!pending) {
      const existing = await tx.alertSubscription.findUniqueOrThrow({
        where: { email },
        select: { id: true, email: true },
      });
      await queueEmail(tx, alreadySubscribedEmail(existing));
      return;
    }
    await setPriorities(
      tx,
      pending.id,
      priorities.map((p) => p.id),
    );
    await queueEmail(tx, confirmationEmail(email, token, describeChoices({ ...choices, priorities })));
  });
}

const EXPIRED = "This link has expired or has already been used. To get alerts, fill in the form again.";

/** Confirms the subscription the link was mailed for; returns the token of its manage page. */
export async function confirmSubscription(db: Db, token: string, now = new Date()): Promise<{ manageToken: string }> {
  const [confirmed] = await db.$queryRaw<{ id: string }[]>`
    UPDATE "AlertSubscription" SET "confirmedAt" = ${now}, "lastDigestAt" = ${now}, "confirmTokenHash" = NULL,
      "confirmExpiresAt" = NULL
    WHERE "confirmTokenHash" = ${hashToken(token)} AND "confirmExpiresAt" > ${now}
    RETURNING "id"`;
  if (!confirmed) throw new AppError("NOT_FOUND", EXPIRED);
  return { manageToken: manageToken(confirmed.id) };
}

/** Whether a confirmation link still works, for the page that asks the reader to confirm. */
export async function isConfirmationOpen(db: Db, token: string, now = new Date()): Promise<boolean> {
  const found = await db.alertSubscription.count({
    where: { confirmTokenHash: hashToken(token), confirmExpiresAt: { gt: now } },
  });
  return found > 0;
}

function subscriptionIdOf(token: string): string {
  const id = subscriptionIdFrom(token);
  if (!id) throw notFound("That subscription");
  return id;
}

/** A confirmed subscription as its manage page shows it. */
export async function readSubscription(db: Db, token: string) {
  const subscription = await db.alertSubscription.findUnique({
    where: { id: subscriptionIdOf(token) },
    select: {
      email: true,
      everything: true,
      kinds: true,
      frequency: true,
      confirmedAt: true,
      priorities: { select: { workstream: { select: { slug: true, title: true } } } },
    },
  });
  if (!subscription?.confirmedAt) throw notFound("That subscription");
  const { priorities, ...rest } = subscription;
  const workstreams = priorities.map((p) => p.workstream);
  return {
    ...rest,
    priorities: workstreams.map((w) => w.slug),
    covers: describeChoices({ ...rest, priorities: workstreams }),
  };
}

export async function updateSubscription(db: Db, token: string, choices: Choices, now = new Date()) {
  const id = subscriptionIdOf(token);
  const priorities = await priorityIds(db, choices.priorities);
  await db.$transaction(async (tx) => {
    const current = await tx.alertSubscription.findUnique({
      where: { id },
      select: { confirmedAt: true, frequency: true },
    });
    if (!current?.confirmedAt) throw notFound("That subscription");
    await tx.alertSubscription.update({
      where: { id },
      data: {
        everything: choices.everything,
        kinds: choices.kinds,
        frequency: choices.frequency,
        // A first digest covers only what was not already sent as it was published.
        ...(choices.frequency === "WEEKLY" && current.frequency !== "WEEKLY" ? { lastDigestAt: now } : {}),
      },
    });
    await setPriorities(
      tx,
      id,
      priorities.map((p) => p.id),
    );
  });
}

/**
 * Deletes the subscription the token was signed for: by the one-click POST of RFC 8058 or the
 * button on the unsubscribe page. Unsubscribing twice is no error: the reader wanted it gone.
 */
export async function unsubscribe(db: Db, token: string): Promise<void> {
  await db.alertSubscription.deleteMany({ where: { id: subscriptionIdOf(token) } });
}
