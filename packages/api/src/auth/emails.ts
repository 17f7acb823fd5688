import { formatDateTime } from "@observatory/time";
import type { Role } from "@observatory/db";
import type { OutgoingEmail } from "../mail/outbox.ts";
import { roleLabels } from "../permissions.ts";

const SERVICE = "NHS Race and Health Observatory admin";

export function invitationEmail(fields: {
  to: string;
  role: Role;
  invitedBy: string;
  link: string;
  expiresAt: Date;
}): OutgoingEmail {
  return {
    to: fields.to,
    subject: `You have been invited to the ${SERVICE}`,
    text: [
      `${fields.invitedBy} has invited you to the ${SERVICE} as ${articleFor(roleLabels[fields.role])} ${roleLabels[fields.role].toLowerCase()}.`,
      "",
      "To accept, open this link and choose your name and password:",
      fields.link,
      "",
      `The link works once and expires on ${formatDateTime(fields.expiresAt)}.`,
      "",
      "If you were not expecting this invitation, you can ignore this email.",
    ].join("\n"),
  };
}

export function passwordResetEmail(fields: { to: string; name: string; link: string; expiresAt: Date }): OutgoingEmail {
  return {
    to: fields.to,
    subject: `Reset your password for the ${SERVICE}`,
    text: [
      `Dear ${fields.name},`,
      "",
      "Someone asked to reset the password of your account. To choose a new password, open this link:",
      fields.link,
      "",
      `The link works once and expires on ${formatDateTime(fields.expiresAt)}. Setting a new password signs you out everywhere else.`,
      "",
      "If you did not ask for this, you can ignore this email: your password has not changed.",
    ].join("\n"),
  };
}

function articleFor(word: string): string {
  return /^[aeiou]/i.test(word) ? "an" : "a";
}
