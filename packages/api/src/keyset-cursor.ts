// The link to the next page of a list in newest-first (or oldest-first) keyset order: the last row's
// time and id, opaque to the reader, so a page stays correct while new rows keep arriving.

export type TimeCursor = { createdAt: Date; id: string };

export function encodeTimeCursor({ createdAt, id }: TimeCursor): string {
  return Buffer.from(`${createdAt.toISOString()}|${id}`).toString("base64url");
}

/** The position in a page link, or null when the link has been tampered with or truncated. */
export function decodeTimeCursor(text: string): TimeCursor | null {
  const [time, id] = Buffer.from(text, "base64url").toString("utf8").split("|");
  const createdAt = new Date(time ?? "");
  return id && !Number.isNaN(createdAt.getTime()) ? { createdAt, id } : null;
}
