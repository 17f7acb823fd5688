import { addLondonMonths, formatDate, londonDay, parseDay, startOfLondonDay } from "@observatory/time";
import { z } from "zod";
import { AppError } from "../errors.ts";

// What a fact-check request and an expert's answer may hold (decision 028): the one place their
// limits are written, read by the procedures' schemas and the services.

/** Experts per request: a request is for a few named people, not a mailing list. */
export const MAX_EXPERTS = 10;
export const MAX_MESSAGE = 2000;
/** An answer's comments: with the form's other fields, well inside the public site's 64 KB body limit. */
export const MAX_COMMENTS = 4000;
/** The furthest deadline, in calendar months from today. */
export const MAX_DEADLINE_MONTHS = 3;

const emailFormat = z.email();

/**
 * The addresses typed into the request form (one a line, or separated by commas, semicolons or
 * spaces), lower-cased and without repeats; the message names the first that is not an address.
 */
export const expertAddresses = z
  .string()
  .max(MAX_EXPERTS * 260, `Enter ${MAX_EXPERTS} email addresses or fewer`)
  .transform((text, ctx) => {
    const addresses = [
      ...new Set(
        text
          .split(/[\s,;]+/)
          .map((part) => part.trim().toLowerCase())
          .filter(Boolean),
      ),
    ];
    const bad = addresses.find((address) => address.length > 254 || !emailFormat.safeParse(address).success);
    if (addresses.length === 0) ctx.addIssue({ code: "custom", message: "Enter at least one email address" });
    else if (bad) {
      ctx.addIssue({
        code: "custom",
        message: `“${bad.slice(0, 80)}” is not an email address: enter addresses like name@example.com`,
      });
    } else if (addresses.length > MAX_EXPERTS) {
      ctx.addIssue({ code: "custom", message: `Enter ${MAX_EXPERTS} email addresses or fewer` });
    }
    return addresses;
  });

export const requestMessage = z
  .string()
  .trim()
  .min(1, "Say what you would like the experts to check")
  .max(MAX_MESSAGE, `The message must be ${MAX_MESSAGE.toLocaleString("en-GB")} characters or fewer`);

export const verdicts = ["ACCURATE", "CORRECTIONS"] as const;
export type Verdict = (typeof verdicts)[number];

export const verdictLabels: Record<Verdict, string> = {
  ACCURATE: "Yes, it is accurate",
  CORRECTIONS: "It needs corrections",
};

export const answerFields = z
  .object({
    verdict: z.enum(verdicts, "Say whether the page is accurate"),
    comments: z
      .string()
      .trim()
      .max(MAX_COMMENTS, `Your comments must be ${MAX_COMMENTS.toLocaleString("en-GB")} characters or fewer`)
      .default(""),
  })
  .refine((answer) => answer.verdict !== "CORRECTIONS" || answer.comments.length > 0, {
    path: ["comments"],
    message: "Say what needs correcting",
  });

/**
 * The instant a deadline typed as a date (21/11/2026, or as a date input sends it) closes the
 * request: the start of the next London day, so experts have all of the day named. The day must be
 * today or later, and at most three months from today.
 */
export function closingInstant(text: string, now: Date): Date {
  const refuse = (message: string): never => {
    throw new AppError("BAD_REQUEST", "Some answers need correcting.", { deadline: message });
  };
  if (!text.trim()) return refuse("Enter the date by which the experts should answer");
  const day = parseDay(text);
  if (!day) return refuse("Enter a real date, for example 18/12/2026");
  const today = londonDay(now);
  const start = startOfLondonDay(day.year, day.month, day.day);
  if (start < startOfLondonDay(today.year, today.month, today.day)) {
    return refuse("The deadline must be today or later");
  }
  const latest = addLondonMonths(now, MAX_DEADLINE_MONTHS);
  if (start > latest) return refuse(`The deadline must be no later than ${formatDate(latest)}`);
  const next = new Date(Date.UTC(day.year, day.month - 1, day.day + 1));
  return startOfLondonDay(next.getUTCFullYear(), next.getUTCMonth() + 1, next.getUTCDate());
}

/** The last day experts may answer ("18 December 2026"), from the closing instant. */
export const deadlineOf = (closesAt: Date) => formatDate(new Date(closesAt.getTime() - 1));
