export function notFound(message = "Page not found"): Response {
  return new Response(message, { status: 404, statusText: message });
}

/** Turns a NOT_FOUND or BAD_REQUEST from the API into a 404 page carrying its message. */
export async function orNotFound<T>(promise: Promise<T>): Promise<T> {
  try {
    return await promise;
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === "NOT_FOUND" || code === "BAD_REQUEST") throw notFound((error as Error).message);
    throw error;
  }
}

/** A page number from the query string, or null when it is not a positive whole number. */
export function pageParam(url: URL): number | null {
  const raw = url.searchParams.get("page");
  if (raw === null || raw === "") return 1;
  return /^\d{1,5}$/.test(raw) && Number(raw) >= 1 ? Number(raw) : null;
}
