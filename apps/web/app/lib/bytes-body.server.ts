/** Bytes as a response body without a copy (a Response made from bytes copies them). */
export function bytesBody(bytes: Buffer): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      controller.enqueue(bytes);
      controller.close();
    },
  });
}
