import type { IncomingMessage } from "node:http";

export type BodyRead = { ok: true; body: Buffer } | { ok: false; limitBytes: number };

/**
 * The request's body, counted on the bytes actually received (a chunked body declares no length,
 * and a declared length may lie), and given up as soon as it passes `limitBytes`: the rest is
 * never read into memory. A declared length over the limit is refused before reading anything.
 */
export function readBody(req: IncomingMessage, limitBytes: number): Promise<BodyRead> {
  const declared = Number(req.headers["content-length"] ?? Number.NaN);
  if (declared > limitBytes) return Promise.resolve({ ok: false, limitBytes });
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let received = 0;
    const cleanUp = () => {
      req.off("data", onData);
      req.off("end", onEnd);
      req.off("error", onError);
    };
    const onData = (chunk: Buffer) => {
      received += chunk.length;
      if (received > limitBytes) {
        cleanUp();
        req.pause();
        resolve({ ok: false, limitBytes });
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => {
      cleanUp();
      resolve({ ok: true, body: Buffer.concat(chunks, received) });
    };
    const onError = (error: Error) => {
      cleanUp();
      reject(error);
    };
    req.on("data", onData);
    req.on("end", onEnd);
    req.on("error", onError);
  });
}

/**
 * After refusing a request without reading its body: the rest of the body is read and thrown away
 * (nothing is kept), so that the client, still sending, gets to read the answer; a connection
 * still sending after `maxMs` is closed. Closing at once instead would reset the connection under
 * a client that is still writing, and it would never see the answer.
 */
export function discardRest(req: IncomingMessage, maxMs = 10_000): void {
  if (req.readableEnded) return;
  const timer = setTimeout(() => req.socket.destroy(), maxMs);
  timer.unref();
  req.on("end", () => clearTimeout(timer));
  req.on("error", () => clearTimeout(timer));
  req.resume();
}
