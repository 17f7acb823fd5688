/** An image in several widths and formats (a library image as the API describes it). */
export type ResponsiveImageFiles = {
  width: number;
  height: number;
  src: string;
  srcset: string;
  sources: { type: string; srcset: string }[];
};

export type ResponsiveImageProps = {
  image: ResponsiveImageFiles;
  /** Empty for a decorative image, which screen readers skip. */
  alt: string;
  /** How wide it is drawn, for the browser's choice among the widths ("(min-width: 48em) 300px, 100vw"). */
  sizes: string;
  /** "lazy" below the fold; "eager" for an image seen as the page opens. */
  loading?: "lazy" | "eager";
  className?: string;
};

/**
 * A `<picture>`: AVIF and WebP for browsers that take them, the fallback format otherwise, each
 * in the widths there are; width and height set so the page does not move as it loads.
 */
export function ResponsiveImage({ image, alt, sizes, loading = "lazy", className }: ResponsiveImageProps) {
  return (
    <picture>
      {image.sources.map((source) => (
        <source key={source.type} type={source.type} srcSet={source.srcset} sizes={sizes} />
      ))}
      <img
        className={className}
        src={image.src}
        srcSet={image.srcset || undefined}
        sizes={sizes}
        width={image.width || undefined}
        height={image.height || undefined}
        alt={alt}
        loading={loading}
        decoding="async"
      />
    </picture>
  );
}
