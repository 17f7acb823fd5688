import type { Thread } from "~/components/review-comments";
import { when } from "./content.server";
import type { requireUser } from "./session.server";

type Api = Awaited<ReturnType<typeof requireUser>>["api"];

/** The item's comment threads (all revisions', or the ones named), with dates as staff read them. */
export async function commentThreads(api: Api, itemId: string, revisionIds?: string[]): Promise<Thread[]> {
  const threads = await api.editorial.comments({ itemId, revisionIds });
  return threads.map((t) => ({
    id: t.id,
    revisionNumber: t.revisionNumber,
    fieldLabel: t.fieldLabel,
    quote: t.quote,
    text: t.text,
    authorName: t.authorName,
    at: when(t.createdAt),
    resolved: t.resolvedAt ? `by ${t.resolvedByName ?? "someone"} on ${when(t.resolvedAt)}` : null,
    replies: t.replies.map((r) => ({ id: r.id, text: r.text, authorName: r.authorName, at: when(r.createdAt) })),
  }));
}
