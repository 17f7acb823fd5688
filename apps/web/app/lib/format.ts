/** ISO 8601 for <time datetime> and feeds (dates shown to people come from @observatory/ui). */
export function isoDate(value: Date | string): string {
  return new Date(value).toISOString();
}
