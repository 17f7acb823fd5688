// Between Express and Remix: the Fetch API request Remix runs on (with a body already read and
// limited by the server), and the sending of its response. Replaces @remix-run/express's own
// adapter, which streams the body to the app unread and unlimited.
import { writeReadableStreamToWritable } from "@remix-run/node";
import type { Request as ExpressRequest, Response as ExpressResponse } from "express";

/** The app's URL for this request; Express's hostname honours "trust proxy", the port comes from Host. */
function urlOf(req: ExpressRequest): URL {
  const port = (req.get("x-forwarded-host") ?? req.get("host") ?? "").split(":")[1];
  const host = `${req.hostname}${port && /^\d+$/.test(port) ? `:${port}` : ""}`;
  return new URL(`${req.protocol}://${host}${req.originalUrl}`);
}

export function toFetchRequest(req: ExpressRequest, res: ExpressResponse, body: Buffer | null): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) for (const one of value) headers.append(name, one);
    else if (value !== undefined) headers.set(name, value);
  }
  // Loaders and actions stop when the browser goes away before the answer is sent.
  const controller = new AbortController();
  let answered = false;
  res.on("finish", () => {
    answered = true;
  });
  res.on("close", () => {
    if (!answered) controller.abort();
  });
  return new Request(urlOf(req), {
    method: req.method,
    headers,
    signal: controller.signal,
    ...(body && req.method !== "GET" && req.method !== "HEAD"
      ? { body: new Uint8Array(body.buffer as ArrayBuffer, body.byteOffset, body.length) }
      : {}),
  });
}

/**
 * Sends the app's response. Its headers replace the server's defaults of the same name (a route's
 * own Referrer-Policy or Cache-Control wins), except cookies, which are added.
 */
export async function sendResponse(res: ExpressResponse, response: Response): Promise<void> {
  res.statusMessage = response.statusText;
  res.status(response.status);
  for (const [name, value] of response.headers) {
    if (name !== "set-cookie") res.setHeader(name, value);
  }
  const cookies = response.headers.getSetCookie();
  if (cookies.length) res.append("Set-Cookie", cookies);
  if (response.body) await writeReadableStreamToWritable(response.body, res);
  else res.end();
}
