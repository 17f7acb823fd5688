// Times are stored in UTC and shown in UK time, always saying whether that is GMT or BST.

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
  hourCycle: "h12",
  timeZoneName: "short",
});

/** "15 June 2026", in UK time. */
export function formatDate(value: Date | string): string {
  return dateFormat.format(new Date(value));
}

/** "15 June 2026 at 9:05am BST". */
export function formatDateTime(value: Date | string): string {
  const date = new Date(value);
  const parts = timeFormat.formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? "";
  const period = part("dayPeriod").toLowerCase().replace(/\./g, "");
  const zone = part("timeZoneName") === "GMT" ? "GMT" : "BST";
  return `${formatDate(date)} at ${part("hour")}:${part("minute")}${period} ${zone}`;
}
