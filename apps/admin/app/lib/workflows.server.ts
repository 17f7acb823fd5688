import { can, roleLabels, roles } from "@observatory/api/permissions";
import { textField } from "./forms.server";

// The workflow form, read and changed on the server: steps are added, removed and reordered by the
// form's own buttons, so the whole form works without JavaScript.

export type StepValues = { name: string; groupId: string; requirement: "ANY" | "ALL" };

const MAX_STEPS = 10;

/** The steps as typed, in order. */
export function readSteps(form: FormData): StepValues[] {
  const count = Math.min(MAX_STEPS + 1, Number.parseInt(textField(form, "stepCount"), 10) || 0);
  return Array.from({ length: count }, (_, n) => ({
    name: textField(form, `steps.${n}.name`),
    groupId: textField(form, `steps.${n}.groupId`),
    requirement: textField(form, `steps.${n}.requirement`) === "ALL" ? ("ALL" as const) : ("ANY" as const),
  }));
}

/**
 * What a button other than Save asks for ("add", "remove:2", "up:1"): the steps rearranged, or null
 * when the form is to be saved.
 */
export function rearrangedSteps(intent: string, steps: StepValues[]): StepValues[] | null {
  const [verb, at] = intent.split(":");
  const index = Number.parseInt(at ?? "", 10);
  if (verb === "add") return [...steps, { name: "", groupId: "", requirement: "ANY" as const }].slice(0, MAX_STEPS);
  if (verb === "remove" && steps[index]) return steps.filter((_, n) => n !== index);
  if (verb === "up" && index > 0 && steps[index]) {
    const moved = [...steps];
    [moved[index - 1], moved[index]] = [moved[index] as StepValues, moved[index - 1] as StepValues];
    return moved;
  }
  return null;
}

/** After a rearrangement, where focus belongs: the new step's name, or the moved step. */
export function focusAfter(intent: string, steps: StepValues[]): string {
  const [verb, at] = intent.split(":");
  const index = Number.parseInt(at ?? "", 10);
  if (verb === "add") return `steps.${steps.length - 1}.name`;
  if (verb === "up") return `steps.${Math.max(0, index - 1)}.name`;
  return steps.length ? `steps.${Math.min(index, steps.length - 1)}.name` : "add-step";
}

/** The roles a group can include: those that can read drafts (a reviewer must see what they sign off). */
export const groupRoleOptions = roles
  .filter((role) => can(role, "content.write"))
  .map((value) => ({ value, label: roleLabels[value] }));

/** The review group fields of a submitted form, as the API takes them and as typed. */
export function readGroupForm(form: FormData) {
  const name = textField(form, "name");
  const description = textField(form, "description");
  const roles = form.getAll("roles").filter((v): v is string => typeof v === "string");
  return {
    input: { name, description, roles: roles as ("ADMIN" | "EDITOR" | "AUTHOR")[] },
    values: { name, description, roles: roles.join(",") },
  };
}
