/**
 * What the document renderer needs to know about a library image to draw it: its size (so the page
 * does not shift as it loads) and the files it can be served as. The media library builds these
 * from its records; the renderer only writes them out as a `<picture>`.
 */
export type RenderedMedia = {
  /** Intrinsic size of the original, in pixels. */
  width: number;
  height: number;
  /** The widest fallback file (JPEG or PNG), for browsers that take none of `sources`. */
  src: string;
  /** The fallback format at each width: "url 640w, url 1280w". */
  srcset: string;
  /** Modern formats, best first: AVIF, then WebP. */
  sources: { type: "image/avif" | "image/webp"; srcset: string }[];
  /** Shown after the caption: "Photograph: Jane Doe". Empty when there is none. */
  credit: string;
};

/** Library images by id, as the renderer looks them up. */
export type MediaLookup = ReadonlyMap<string, RenderedMedia>;
