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

export function emailChangeConfirmationEmail(fields: {
  to: string;
  name: string;
  link: string;
  expiresAt: Date;
}): OutgoingEmail {
  return {
    to: fields.to,
    subject: `Confirm your new email address for the ${SERVICE}`,
    text: [
      `Dear ${fields.name},`,
      "",
      `An administrator has changed the email address of your account to this one. To confirm it, open this link:`,
      fields.link,
      "",
      `Until you do, you keep signing in with your old address. The link works once and expires on ${formatDateTime(fields.expiresAt)}.`,
      "",
      "If you do not have an account with us, you can ignore this email: nothing changes.",
    ].join("\n"),
  };
}

export function emailChangeNoticeEmail(fields: { to: string; name: string; newEmail: string }): OutgoingEmail {
  return {
    to: fields.to,
    subject: `The email address of your account for the ${SERVICE} is changing`,
    text: [
      `Dear ${fields.name},`,
      "",
      `An administrator has asked to change the email address of your account to ${fields.newEmail}.`,
      "It changes when the link sent to that address is opened. Until then you sign in with this address.",
      "",
      "If you did not expect this, tell an administrator.",
    ].join("\n"),
  };
}

function articleFor(word: string): string {
  return /^[aeiou]/i.test(word) ? "an" : "a";
}
