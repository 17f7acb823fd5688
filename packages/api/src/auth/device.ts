import Bowser from "bowser";

/**
 * A session's device in a few words, from its browser's User-Agent: "Firefox 128 on Windows 10".
 * Enough for a person to recognise their own devices; the raw header stays in the database.
 */
export function describeDevice(userAgent: string | null): string {
  if (!userAgent) return "Unknown device";
  const { browser, os } = Bowser.parse(userAgent);
  const name = browser.name ? [browser.name, browser.version?.split(".")[0]].filter(Boolean).join(" ") : null;
  const system = os.name ? [os.name, os.versionName ?? os.version].filter(Boolean).join(" ") : null;
  if (name && system) return `${name} on ${system}`;
  return name ?? system ?? "Unknown device";
}
