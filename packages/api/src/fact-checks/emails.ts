import { apiConfig } from "../config.ts";
import { adminLink } from "../editorial/common.ts";
import type { OutgoingEmail } from "../mail/outbox.ts";
import { deadlineOf, type Verdict, verdictLabels } from "./rules.ts";

// The words of the fact-check emails: the request each expert gets with their own link, and the
// answer the requester gets.

const ORGANISATION = "NHS Race and Health Observatory";

export const factCheckLink = (token: string) => new URL(`/fact-check/${token}`, apiConfig().publicSiteUrl).toString();

export function requestEmail(input: {
  to: string;
  token: string;
  title: string;
  requesterName: string;
  message: string;
  closesAt: Date;
}): OutgoingEmail {
  const deadline = deadlineOf(input.closesAt);
  return {
    to: input.to,
    subject: `Fact check request from ${input.requesterName}: ${input.title}`.slice(0, 200),
    text: [
      "Hello,",
      `${input.requesterName} at the ${ORGANISATION} asks you to check the facts of "${input.title}" before it is published. Their message:`,
      input.message,
      `Read the draft and answer here (you do not need an account): ${factCheckLink(input.token)}`,
      `Please answer by the end of ${deadline}, UK time. The link works until then, or until the page is published if that comes first. It is yours only: please do not forward it.`,
    ].join("\n\n"),
  };
}

export function answerEmail(input: {
  to: string;
  requesterName: string;
  expert: string;
  title: string;
  itemId: string;
  verdict: Verdict;
  comments: string;
  revisionNumber: number;
}): OutgoingEmail {
  return {
    to: input.to,
    subject: `Fact check answered by ${input.expert}: ${input.title}`.slice(0, 200),
    text: [
      `Hello ${input.requesterName},`,
      `${input.expert} has answered your fact check of revision ${input.revisionNumber} of "${input.title}".`,
      `Is it accurate? ${verdictLabels[input.verdict]}`,
      ...(input.comments ? [`Their comments:\n${input.comments}`] : []),
      `See every answer: ${adminLink(`/content/${input.itemId}/fact-checks`)}`,
    ].join("\n\n"),
  };
}
