import type { ContentKind } from "@observatory/db";
import { apiConfig } from "../config.ts";
import { itemPath, kindSections } from "../content/kinds.ts";
import type { OutgoingEmail } from "../mail/outbox.ts";
import { confirmLink, manageLink, oneClickLink, unsubscribeLink } from "./links.ts";

// The words of the alert emails. Every email to a subscriber ends with the links to change what
// they get and to unsubscribe, and carries the one-click unsubscribe headers of RFC 8058.

const ORGANISATION = "NHS Race and Health Observatory";

/** An item to announce; `changeNote` when what is announced is a major change, not its first publication. */
export type AlertItem = { kind: ContentKind; slug: string; title: string; summary: string; changeNote: string | null };

type Subscriber = { id: string; email: string };

const itemLink = (item: AlertItem) => new URL(itemPath(item.kind, item.slug), apiConfig().publicSiteUrl).toString();

function footer(subscriber: Subscriber, covers: string): string {
  return [
    `You get these emails because you asked us for ${covers}.`,
    `Change what you get or how often: ${manageLink(subscriber.id)}`,
    `Unsubscribe: ${unsubscribeLink(subscriber.id)}`,
  ].join("\n");
}

function listHeaders(subscriber: Subscriber): Record<string, string> {
  return {
    "List-Unsubscribe": `<${oneClickLink(subscriber.id)}>`,
    "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
  };
}

function itemText(item: AlertItem): string {
  const summary = item.summary.trim();
  return [
    `${kindSections[item.kind].singular}${item.changeNote ? " (updated)" : ""}: ${item.title}`,
    ...(item.changeNote ? [`What changed: ${item.changeNote}`] : []),
    ...(summary ? [summary] : []),
    `Read it: ${itemLink(item)}`,
  ].join("\n");
}

export function confirmationEmail(email: string, token: string, covers: string): OutgoingEmail {
  return {
    to: email,
    subject: `Confirm your email alerts from the ${ORGANISATION}`,
    text: `Someone, probably you, asked for email alerts from the ${ORGANISATION} about ${covers}.\n\nTo start getting them, open this link and confirm (it works for 3 days):\n${confirmLink(token)}\n\nIf it was not you, ignore this email: nothing will be sent to you and we will delete the address.\n`,
  };
}

/** Sent instead of a confirmation when the address already has alerts: it says how to change them. */
export function alreadySubscribedEmail(subscriber: Subscriber): OutgoingEmail {
  return {
    to: subscriber.email,
    subject: `You already get email alerts from the ${ORGANISATION}`,
    text: `Someone, probably you, asked for email alerts from the ${ORGANISATION} for this address, which already gets them.\n\nTo change what you get or how often, or to unsubscribe: ${manageLink(subscriber.id)}\n\nIf it was not you, ignore this email: nothing has changed.\n`,
  };
}

export function alertEmail(subscriber: Subscriber, item: AlertItem, covers: string): OutgoingEmail {
  const singular = kindSections[item.kind].singular.toLowerCase();
  return {
    to: subscriber.email,
    subject: (item.changeNote ? `Updated ${singular}: ${item.title}` : `New ${singular}: ${item.title}`).slice(0, 200),
    text: `${item.changeNote ? "Updated" : "New"} from the ${ORGANISATION}:\n\n${itemText(item)}\n\n${footer(subscriber, covers)}\n`,
    headers: listHeaders(subscriber),
  };
}

export function digestEmail(subscriber: Subscriber, items: AlertItem[], covers: string): OutgoingEmail {
  const count = items.length === 1 ? "1 item" : `${items.length} items`;
  return {
    to: subscriber.email,
    subject: `Your weekly alerts: ${count} from the ${ORGANISATION}`,
    text: `Published or updated by the ${ORGANISATION} in the last week:\n\n${items.map(itemText).join("\n\n")}\n\n${footer(subscriber, covers)}\n`,
    headers: listHeaders(subscriber),
  };
}
