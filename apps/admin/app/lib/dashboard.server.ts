import { can } from "@observatory/api";
import { kindLabel, waited, when } from "./content.server";
import type { requireUser } from "./session.server";

type Api = Awaited<ReturnType<typeof requireUser>>["api"];
type Role = Awaited<ReturnType<typeof requireUser>>["user"]["role"];
type Board = Awaited<ReturnType<Api["editorial"]["dashboard"]>>;
type Row = Board["myDrafts"][number];

/** The editorial panels of the home page, formatted for display; null for roles that do not write. */
export async function editorialPanels(api: Api, role: Role) {
  if (!can(role, "content.write")) return null;
  const [board, unreviewed] = await Promise.all([
    api.editorial.dashboard(),
    can(role, "content.publish") ? api.editorial.forcedPublications({ state: "open", take: 10 }) : Promise.resolve([]),
  ]);
  const rows = (items: Row[], verb: string, href = (id: string) => `/content/${id}`) =>
    items.map((i) => ({
      id: i.id,
      href: href(i.id),
      title: i.title,
      detail: `${kindLabel(i.kind)} · ${i.statusLabel} · ${i.authorName}`,
      waited: `${verb} ${waited(i.waitingMs)} ago`,
    }));
  return {
    overdue: board.overdue.map((o) => ({ id: o.id, title: o.title, due: when(o.dueAt) })),
    unreviewed: unreviewed.map((f) => ({
      id: f.item.id,
      title: f.item.title,
      detail: `published ${when(f.publishedAt)} by ${f.publishedBy?.name ?? "a former member of staff"}`,
    })),
    panels: [
      {
        id: "awaiting-decision",
        heading: "Awaiting my decision",
        empty: "Nothing is waiting for your decision.",
        items: rows(board.awaitingDecision, "Waiting", (id) => `/content/${id}/review`),
      },
      {
        id: "mine-in-review",
        heading: "Mine in review",
        empty: "Nothing of yours is in review.",
        items: rows(board.inReview, "Submitted"),
      },
      {
        id: "changes-requested",
        heading: "Changes requested of me",
        empty: "No changes have been asked of you.",
        items: board.changesRequested.map((i) => ({
          id: i.id,
          href: `/content/${i.id}`,
          title: i.title,
          detail: `${i.reviewerName} at ${i.stepName.toLowerCase()}: “${i.reason}”`,
          waited: `${waited(i.waitingMs)} ago`,
        })),
      },
      {
        id: "my-drafts",
        heading: "My drafts",
        empty: "You have no drafts.",
        items: rows(board.myDrafts, "Last saved"),
      },
      {
        id: "scheduled",
        heading: "Scheduled next",
        empty: "Nothing is scheduled.",
        items: rows(board.scheduled, "Scheduled").map((r, n) => ({
          ...r,
          waited: `Goes live ${when(board.scheduled[n]?.publishAt)}`,
        })),
      },
      {
        id: "editing-now",
        heading: "Being edited now",
        empty: "Nobody has an item open in the editor.",
        items: board.editingNow.map((i) => ({
          id: `${i.id}-${i.editorId}`,
          href: `/content/${i.id}`,
          title: i.title,
          detail: `${i.editorName} ${i.editorName === "You" ? "have" : "has"} it open`,
          waited: `seen ${waited(i.waitingMs)} ago`,
        })),
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
