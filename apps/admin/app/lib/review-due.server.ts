import { formatDate } from "@observatory/time";
import { can } from "@observatory/api/permissions";
import { kindLabel } from "./content.server";
import type { requireUser } from "./session.server";

type Api = Awaited<ReturnType<typeof requireUser>>["api"];
type Role = Awaited<ReturnType<typeof requireUser>>["user"]["role"];

export const stageLabels = { OVERDUE: "Overdue", DUE_SOON: "Due soon" } as const;

/** How a due date reads in a list: "Overdue since 3 December 2026" or "Due 20 December 2026". */
export function dueWords(stage: keyof typeof stageLabels | null, due: Date | string | null): string {
  if (!due) return "No review date";
  return stage === "OVERDUE" ? `Overdue since ${formatDate(due)}` : `Due ${formatDate(due)}`;
}

/** The home page's "Review due or overdue" panel: the signed-in owner's items; null for roles that do not write. */
export async function reviewDuePanel(api: Api, role: Role) {
  if (!can(role, "content.write")) return null;
  const mine = await api.reviewDue.mine();
  return {
    total: mine.total,
    items: mine.items.map((i) => ({
      id: i.id,
      title: i.title,
      stage: i.stage,
      detail: `${kindLabel(i.kind)} · ${dueWords(i.stage, i.nextReviewDue)}`,
    })),
  };
}
