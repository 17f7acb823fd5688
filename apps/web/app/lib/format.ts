const dateFormat = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Europe/London",
  day: "numeric",
  month: "long",
  year: "numeric",
});
const timeFormat = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Europe/London",
  hour: "numeric",
  minute: "2-digit",
  hour12: true,
  timeZoneName: "short",
});

/** "15 June 2021", in UK time. */
export function formatDate(value: Date | string): string {
  return dateFormat.format(new Date(value));
}

/** "15 June 2021 at 9:05am BST": the zone is always shown, as GMT or BST. */
export function formatDateTime(value: Date | string): string {
  const date = new Date(value);
  const parts = timeFormat.formatToParts(date);
  const hour = parts.find((p) => p.type === "hour")?.value ?? "";
  const minute = parts.find((p) => p.type === "minute")?.value ?? "00";
  const period = (parts.find((p) => p.type === "dayPeriod")?.value ?? "").toLowerCase().replace(/\./g, "");
  const zone = parts.find((p) => p.type === "timeZoneName")?.value === "GMT" ? "GMT" : "BST";
  return `${formatDate(date)} at ${hour}:${minute}${period} ${zone}`;
}

/** ISO 8601 for <time datetime> and feeds. */
export function isoDate(value: Date | string): string {
  return new Date(value).toISOString();
}
