// Which link targets a body may hold. Anything else (javascript:, data:, a protocol-relative
// address) is refused when a body is saved and never written into a page.

const SAFE_SCHEME = /^(https?:|mailto:|tel:)/i;

/** A web address, email, phone number, a path on this site ("/news") or a place on the page ("#top"). */
export function isSafeHref(href: string): boolean {
  if (href.length === 0 || href.length > 2048) return false;
  // Control characters and spaces have no place in an address (browsers strip some, which hides tricks).
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
  if (/[\u0000-\u0020\u007f-\u009f]/.test(href)) return false;
  if (href.startsWith("#")) return true;
  if (href.startsWith("/")) return !href.startsWith("//") && !href.startsWith("/\\");
  return SAFE_SCHEME.test(href);
}

/** Content items are linked by their id (a cuid): the page's address is looked up when it is shown. */
export const ITEM_ID = /^[a-z0-9]{20,40}$/;
