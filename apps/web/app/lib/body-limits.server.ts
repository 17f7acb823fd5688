/**
 * The most a POST to the public site may carry: a comment is at most 2,000 characters, which even
 * percent-encoded four-byte characters keep under 32 KB, with its other fields beside it.
 */
export function bodyLimitFor(_path: string): number {
  return 64 * 1024;
}
