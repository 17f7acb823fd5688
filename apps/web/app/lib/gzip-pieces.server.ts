// A stored page sent gzip-compressed without compressing it per response. Each of the page's pieces
// is compressed once (raw deflate, ended on a byte boundary by a sync flush, so the compressed pieces
// can follow one another); a response puts its own values (the nonce, the comment form's token)
// between them as stored (uncompressed) deflate blocks, then the gzip header, a final empty block and
// the checksum and length of what it decompresses to (RFC 1951 3.2.4, RFC 1952). A compressed hit
// costs a checksum over the page (tens of microseconds) instead of compressing it (a millisecond or
// more for a 150 KB article).
import zlib from "node:zlib";

const header = Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff]);
/** A final, empty block with fixed codes: ends the deflate stream. */
const lastBlock = Buffer.from([0x03, 0x00]);
const MAX_STORED = 0xffff;

/** Each piece compressed on its own, ready to be joined. */
export function deflatePieces(pieces: readonly Buffer[]): Buffer[] {
  return pieces.map((piece) => zlib.deflateRawSync(piece, { level: 9, finishFlush: zlib.constants.Z_SYNC_FLUSH }));
}

/** `value` as one stored block (not the last). */
function storedBlock(value: Buffer): Buffer {
  if (value.length > MAX_STORED) throw new RangeError("a value between pieces is longer than one stored block");
  const head = Buffer.alloc(5);
  head.writeUInt16LE(value.length, 1);
  head.writeUInt16LE(value.length ^ 0xffff, 3);
  return Buffer.concat([head, value]);
}

/**
 * The gzip member that decompresses to pieces[0], values[0], pieces[1], values[1] ... pieces[n], in
 * parts to be written one after another; `deflated` is deflatePieces(pieces).
 */
export function gzipParts(pieces: readonly Buffer[], deflated: readonly Buffer[], values: readonly Buffer[]): Buffer[] {
  const parts: Buffer[] = [header];
  let crc = 0;
  let length = 0;
  pieces.forEach((piece, i) => {
    parts.push(deflated[i] ?? Buffer.alloc(0));
    crc = zlib.crc32(piece, crc);
    length += piece.length;
    const value = values[i];
    if (value && i < pieces.length - 1) {
      parts.push(storedBlock(value));
      crc = zlib.crc32(value, crc);
      length += value.length;
    }
  });
  const trailer = Buffer.alloc(8);
  trailer.writeUInt32LE(crc >>> 0, 0);
  trailer.writeUInt32LE(length >>> 0, 4);
  parts.push(lastBlock, trailer);
  return parts;
}
