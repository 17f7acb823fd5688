import type { Db, FactCheckClosure } from "@observatory/db";
import { publicRevisions } from "../content/visibility.ts";

// When a fact-check request stops taking answers, in one place: withdrawn, or its item published
// after it was sent (recorded by a trigger, or by the public site's own rule from a scheduled
// instant on, before the scheduler records it), or its deadline passed.

export type Closure = "WITHDRAWN" | "PUBLISHED" | "DEADLINE";
export type RecipientStatus = "WAITING" | "ANSWERED" | "EXPIRED" | "CLOSED";

export const recipientStatusLabels: Record<RecipientStatus, string> = {
  WAITING: "Waiting",
  ANSWERED: "Answered",
  EXPIRED: "Expired",
  CLOSED: "Closed",
};

type RequestFacts = {
  itemId: string;
  createdAt: Date;
  closesAt: Date;
  closedReason: FactCheckClosure | null;
};

/**
 * Why each request is closed at `now`, or null while it is open; all requests of one item or of
 * several, with one query for what the public sees.
 */
export async function closuresOf<R extends RequestFacts>(
  db: Pick<Db, "$queryRaw">,
  requests: R[],
  now: Date,
): Promise<Map<R, Closure | null>> {
  const onSite = await publicRevisions(db, [...new Set(requests.map((r) => r.itemId))], now);
  return new Map(
    requests.map((request) => {
      if (request.closedReason) return [request, request.closedReason];
      const since = onSite.get(request.itemId)?.since;
      if (since && since >= request.createdAt) return [request, "PUBLISHED"];
      return [request, request.closesAt <= now ? "DEADLINE" : null];
    }),
  );
}

/** An expert's line in the list: an answer stays an answer; otherwise the request's state. */
export function recipientStatus(recipient: { answeredAt: Date | null }, closure: Closure | null): RecipientStatus {
  if (recipient.answeredAt) return "ANSWERED";
  if (closure === "DEADLINE") return "EXPIRED";
  return closure ? "CLOSED" : "WAITING";
}

export const closureSentences: Record<Closure, string> = {
  WITHDRAWN: "The observatory has withdrawn this request.",
  PUBLISHED: "The page has been published since the request was sent.",
  DEADLINE: "Its deadline has passed.",
};
