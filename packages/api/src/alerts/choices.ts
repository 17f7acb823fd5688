import { z } from "zod";
import type { ContentKind } from "@observatory/db";
import { kindSections, listedKinds } from "../content/kinds.ts";

// What a reader may ask to hear about, and how often: the one schema the subscribe and manage
// forms are checked against.

export const frequencies = ["IMMEDIATE", "WEEKLY"] as const;
export type Frequency = (typeof frequencies)[number];

export const frequencyLabels: Record<Frequency, string> = {
  IMMEDIATE: "As soon as each item is published",
  WEEKLY: "A weekly digest",
};

const CHOOSE_SOMETHING = "Choose everything, or at least one type of content or priority";

const what = z.object({
  everything: z.boolean(),
  kinds: z.array(z.enum(listedKinds)).max(listedKinds.length),
  /** Priorities by slug. */
  priorities: z.array(z.string().min(1).max(200)).max(50),
});

export const choicesInput = what
  .extend({ frequency: z.enum(frequencies, "Choose how often you want emails") })
  .refine((choices) => choices.everything || choices.kinds.length > 0 || choices.priorities.length > 0, {
    path: ["choice"],
    message: CHOOSE_SOMETHING,
    // Checked even when the frequency is missing, so that the form says both at once.
    when: (payload) => what.safeParse(payload.value).success,
  });

export type Choices = z.infer<typeof choicesInput>;

export const emailField = z
  .string()
  .trim()
  .min(1, "Enter your email address")
  .max(254, "Email address must be 254 characters or fewer")
  .pipe(z.email("Enter an email address in the correct format, like name@example.com"))
  .transform((e) => e.toLowerCase());

/** "news, blogs and the priority Maternal and neonatal health": what a subscription covers, in words. */
export function describeChoices(choices: {
  everything: boolean;
  kinds: readonly ContentKind[];
  priorities: readonly { title: string }[];
}): string {
  if (choices.everything) return "everything we publish";
  const parts = [
    ...listedKinds.filter((k) => choices.kinds.includes(k)).map((k) => kindSections[k].label.toLowerCase()),
    ...choices.priorities.map((p) => `our work on ${p.title}`),
  ];
  return parts.length <= 1 ? (parts[0] ?? "") : `${parts.slice(0, -1).join(", ")} and ${parts.at(-1)}`;
}
