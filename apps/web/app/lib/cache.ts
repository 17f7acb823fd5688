/** Public pages may be cached by browsers briefly and by a CDN a little longer; ETags revalidate them. */
export const publicCacheControl = "public, max-age=60, s-maxage=300, stale-while-revalidate=600";
