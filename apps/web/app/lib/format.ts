const two = (n: number) => (n < 10 ? `0${n}` : String(n));
const three = (n: number) => (n < 10 ? `00${n}` : n < 100 ? `0${n}` : String(n));

/**
 * ISO 8601 in UTC, as `toISOString` writes it, for <time datetime> and feeds (dates shown to people
 * come from @observatory/ui). Written out from the UTC fields, which takes about a third of the time
 * of `toISOString`: a comment thread dates hundreds of comments.
 */
export function isoDate(value: Date | string): string {
  const at = typeof value === "string" ? new Date(value) : value;
  const year = at.getUTCFullYear();
  // Invalid dates throw, and years of other than four digits are written with a sign, as toISOString does.
  if (!(year >= 1000 && year <= 9999)) return at.toISOString();
  return `${year}-${two(at.getUTCMonth() + 1)}-${two(at.getUTCDate())}T${two(at.getUTCHours())}:${two(at.getUTCMinutes())}:${two(at.getUTCSeconds())}.${three(at.getUTCMilliseconds())}Z`;
}
