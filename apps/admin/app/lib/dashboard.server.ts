import { can } from "@observatory/api";
import { kindLabel, statusLabel, waited, when } from "./content.server";
import type { requireUser } from "./session.server";

type Api = Awaited<ReturnType<typeof requireUser>>["api"];
type Role = Awaited<ReturnType<typeof requireUser>>["user"]["role"];

/** The editorial panels of the home page, formatted for display; null for roles that do not write. */
export async function editorialPanels(api: Api, role: Role) {
  if (!can(role, "content.write")) return null;
  const board = await api.editorial.dashboard();
  const rows = (items: typeof board.myDrafts, verb: string) =>
    items.map((i) => ({
      id: i.id,
      title: i.title,
      detail: `${kindLabel(i.kind)} · ${statusLabel(i.status)} · ${i.authorName}`,
      waited: `${verb} ${waited(i.waitingMs)} ago`,
      publishAt: when(i.publishAt),
    }));
  return {
    overdue: board.overdue.map((o) => ({ id: o.id, title: o.title, due: when(o.dueAt) })),
    panels: [
      {
        id: "my-drafts",
        heading: "My drafts",
        empty: "You have no drafts.",
        items: rows(board.myDrafts, "Last saved"),
      },
      ...(can(role, "content.review")
        ? [
            {
              id: "awaiting-review",
              heading: "Awaiting my review",
              empty: "Nothing is waiting for your review.",
              items: rows(board.awaitingReview, "Submitted"),
            },
          ]
        : []),
      {
        id: "scheduled",
        heading: "Scheduled",
        empty: "Nothing is scheduled.",
        items: rows(board.scheduled, "Scheduled").map((r) => ({ ...r, waited: `Goes live ${r.publishAt}` })),
      },
      {
        id: "recently-published",
        heading: "Recently published",
        empty: "Nothing has been published yet.",
        items: rows(board.recentlyPublished, "Published"),
      },
    ],
  };
}
