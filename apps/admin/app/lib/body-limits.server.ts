/**
 * The most a POST to the admin may carry. A content body is at most 100,000 characters, which
 * percent-encoded may take about 1 MB. An image uploaded to the media library may be 5 MB: its
 * limit here leaves room above that, so that a slightly larger image reaches the upload form and
 * is refused there, beside the file field, rather than by a page of its own.
 */
export function bodyLimitFor(path: string): number {
  if (/^\/media\/upload(\.data)?$/.test(path)) return 8 * 1024 * 1024;
  // A publication's attachment may be 20 MB (decision 029).
  if (/^\/content\/[^/]+\/attachments(\.data)?$/.test(path)) return 24 * 1024 * 1024;
  return 2 * 1024 * 1024;
}
