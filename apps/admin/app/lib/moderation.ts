// The comment queue's URL state: which tab, filters and page, parsed leniently from the query string
// (the API validates again) and written back into links, so every view of the queue is a plain link.

export type CommentStatus = "PENDING" | "APPROVED" | "SPAM" | "REJECTED" | "TRASH";

export const statusTabs: CommentStatus[] = ["PENDING", "APPROVED", "SPAM", "REJECTED", "TRASH"];

export const statusLabels: Record<CommentStatus, string> = {
  PENDING: "Pending",
  APPROVED: "Approved",
  SPAM: "Spam",
  REJECTED: "Rejected",
  TRASH: "Trash",
};

export type QueueFilters = {
  status: CommentStatus;
  itemId?: string;
  from?: string;
  to?: string;
  q?: string;
  /** One sender's comments only. */
  email?: string;
  order: "newest" | "oldest";
  cursor?: string;
};

const isStatus = (value: string | null): value is CommentStatus =>
  value !== null && (statusTabs as string[]).includes(value);

export function queueFilters(params: URLSearchParams): QueueFilters {
  const text = (name: string) => params.get(name)?.trim() || undefined;
  const status = params.get("status");
  return {
    status: isStatus(status) ? status : "PENDING",
    itemId: text("itemId"),
    from: text("from"),
    to: text("to"),
    q: text("q"),
    email: text("email"),
    order: params.get("order") === "oldest" ? "oldest" : "newest",
    cursor: text("cursor"),
  };
}

export function queueHref(filters: Partial<QueueFilters>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) {
    // The defaults stay out of the address.
    if (!value || (key === "status" && value === "PENDING") || (key === "order" && value === "newest")) continue;
    params.set(key, value);
  }
  const query = params.toString();
  return query ? `/comments?${query}` : "/comments";
}
