import zlib from "node:zlib";
import { describe, expect, it } from "vitest";
import { deflatePieces, gzipParts } from "./gzip-pieces.server";

const join = (parts: Buffer[]) => Buffer.concat(parts);

describe("a page gzipped from its stored pieces", () => {
  const pieces = [
    Buffer.from(`<!DOCTYPE html><script nonce="`),
    Buffer.from(`">x</script><p>${"A health statement, in full. ".repeat(3000)}é</p><input value="`),
    Buffer.from(`"></html>`),
  ];
  const deflated = deflatePieces(pieces);

  it("decompresses to the pieces with this response's values between them, whatever the values", () => {
    for (const values of [
      [Buffer.from("nonce-one"), Buffer.from("1796575706678.token")],
      [Buffer.from("a-longer-nonce-for-another-reader"), Buffer.from("")],
    ]) {
      const expected = join([pieces[0], values[0], pieces[1], values[1], pieces[2]] as Buffer[]);
      const gzip = join(gzipParts(pieces, deflated, values));
      expect(zlib.gunzipSync(gzip).equals(expected)).toBe(true);
      // Strict decoders check the trailer: the checksum and the length.
      expect(gzip.readUInt32LE(gzip.length - 4)).toBe(expected.length);
      expect(gzip.readUInt32LE(gzip.length - 8)).toBe(zlib.crc32(expected));
    }
  });

  it("is about as small as compressing the whole page", () => {
    const values = [Buffer.from("nonce"), Buffer.from("token")];
    const whole = zlib.gzipSync(join([pieces[0], values[0], pieces[1], values[1], pieces[2]] as Buffer[]));
    expect(join(gzipParts(pieces, deflated, values)).length).toBeLessThan(whole.length * 1.1 + 64);
  });

  it("decompresses a page with no values, and an empty piece", () => {
    const only = [Buffer.from("<p>feed</p>")];
    expect(zlib.gunzipSync(join(gzipParts(only, deflatePieces(only), []))).toString()).toBe("<p>feed</p>");
    const withEmpty = [Buffer.from(""), Buffer.from("b")];
    const values = [Buffer.from("a")];
    expect(zlib.gunzipSync(join(gzipParts(withEmpty, deflatePieces(withEmpty), values))).toString()).toBe("ab");
  });
});
