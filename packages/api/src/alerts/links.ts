import { createHmac, timingSafeEqual } from "node:crypto";
import { apiConfig } from "../config.ts";

// Every alert email carries links to manage and to unsubscribe that must keep working for as long
// as the subscription lasts, so they cannot be one-time tokens stored hashed: they are the
// subscription's id signed with the app secret. Unsubscribing deletes the row, so an old link then
// opens nothing; a new subscription of the same address gets a new id and new links.

function sign(subscriptionId: string): string {
  return createHmac("sha256", apiConfig().appSecret)
    .update(`alert-subscription:${subscriptionId}`)
    .digest("base64url")
    .slice(0, 32);
}

/** The token of a subscription's manage and unsubscribe links. */
export function manageToken(subscriptionId: string): string {
  return `${subscriptionId}.${sign(subscriptionId)}`;
}

/** The subscription id a manage token was signed for, or null when it was not signed by us. */
export function subscriptionIdFrom(token: string): string | null {
  const [id, signature, ...rest] = token.split(".");
  if (!id || !signature || rest.length > 0) return null;
  const expected = Buffer.from(sign(id));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given) ? id : null;
}

const publicLink = (path: string) => new URL(path, apiConfig().publicSiteUrl).toString();

export const confirmLink = (token: string) => publicLink(`/alerts/confirm/${token}`);
export const manageLink = (subscriptionId: string) => publicLink(`/alerts/manage/${manageToken(subscriptionId)}`);
/** The unsubscribe page, linked in every email's text: it shows one button. */
export const unsubscribeLink = (subscriptionId: string) =>
  publicLink(`/alerts/unsubscribe/${manageToken(subscriptionId)}`);
/** The List-Unsubscribe address (RFC 8058): a POST unsubscribes at once; a GET is sent to the page above. */
export const oneClickLink = (subscriptionId: string) => publicLink(`/alerts/one-click/${manageToken(subscriptionId)}`);
