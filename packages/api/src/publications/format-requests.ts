import type { Db } from "@observatory/db";
import { z } from "zod";
import { apiConfig } from "../config.ts";
import { findPublished } from "../content/public-service.ts";
import { itemPath } from "../content/kinds.ts";
import { AppError, notFound } from "../errors.ts";
import { oneLine } from "../input-text.ts";
import { queueEmail } from "../mail/outbox.ts";
import { readOrganisation } from "../organisation/settings.ts";
import { hitRateLimit, waitInWords } from "../rate-limit.ts";
import type { RequestMeta } from "../request-meta.ts";

// "Request an accessible format" (decision 029): a reader who cannot use an attachment asks for it
// in a format they can use. The request goes by email to the organisation's inbox for them
// (organisation settings), naming the publication and the document; nothing is stored but the mail.

const LIMITS = {
  ip: { limit: 5, windowSeconds: 3600 },
  email: { limit: 5, windowSeconds: 86_400 },
};

export const formatRequestInput = z.object({
  itemSlug: z.string().min(1).max(200),
  originId: z.string().min(1).max(40),
  email: z
    .string()
    .trim()
    .min(1, "Enter your email address")
    .max(254, "Enter an email address of 254 characters or fewer")
    .pipe(z.email("Enter an email address in the correct format, like name@example.com")),
  format: z
    .string()
    .trim()
    .min(1, "Tell us what format you need")
    .max(1000, "Tell us what format you need in 1,000 characters or fewer"),
  assistiveTechnology: z
    .string()
    .trim()
    .max(300, "Keep this to 300 characters or fewer")
    .refine(...oneLine("The assistive technology you use"))
    .default(""),
});

/** The attachment a request is about, on the revision the public sees; not found otherwise. */
export async function requestableAttachment(db: Db, itemSlug: string, originId: string) {
  const item = await findPublished(db, "PUBLICATION", itemSlug, new Date());
  const attachment =
    item &&
    (await db.attachment.findUnique({
      where: { revisionId_originId: { revisionId: item.revisionId, originId } },
      select: { originId: true, title: true, format: true, isAccessible: true },
    }));
  if (!item || !attachment || attachment.format === "HTML") throw notFound("That document");
  return { publication: { title: item.title, path: itemPath("PUBLICATION", itemSlug) }, attachment };
}

export async function requestAccessibleFormat(
  db: Db,
  request: RequestMeta,
  input: z.output<typeof formatRequestInput>,
): Promise<{ publication: { title: string; path: string }; attachmentTitle: string }> {
  const { publication, attachment } = await requestableAttachment(db, input.itemSlug, input.originId);
  const { details } = await readOrganisation(db);
  const inbox = details.accessibleFormatsEmail || details.accessibilityEmail;
  if (!inbox) {
    throw new AppError("PRECONDITION_FAILED", "Requests cannot be sent at the moment. Please try again later.");
  }
  for (const [key, limit] of [
    ...(request.ipHash ? [[`format-request:ip:${request.ipHash}`, LIMITS.ip] as const] : []),
    [`format-request:email:${input.email.toLowerCase()}`, LIMITS.email] as const,
  ]) {
    const { allowed, retryAfterSeconds } = await hitRateLimit(db, key, limit);
    if (!allowed) {
      throw new AppError(
        "TOO_MANY_REQUESTS",
        `Too many requests have been sent. Try again in ${waitInWords(retryAfterSeconds)}.`,
      );
    }
  }
  const url = new URL(publication.path, apiConfig().publicSiteUrl).toString();
  await queueEmail(db, {
    to: inbox,
    subject: `Accessible format request: ${attachment.title}`.slice(0, 200),
    headers: { "Reply-To": input.email },
    text: [
      "A reader has asked for a document in an accessible format.",
      "",
      `Publication: ${publication.title}`,
      `Address: ${url}`,
      `Document: ${attachment.title}`,
      "",
      `Their email address: ${input.email}`,
      `The format they need: ${input.format}`,
      ...(input.assistiveTechnology ? [`Assistive technology they use: ${input.assistiveTechnology}`] : []),
      "",
      "Reply to this email to answer them. We aim to reply within 15 working days.",
    ].join("\n"),
  });
  return { publication, attachmentTitle: attachment.title };
}
