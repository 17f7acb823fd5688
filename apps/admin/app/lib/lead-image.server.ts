import type { requireUser } from "./session.server";

type Api = Awaited<ReturnType<typeof requireUser>>["api"];

/**
 * What the content form's lead image choice offers (see components/lead-image-field.tsx): the
 * library's newest images and the one already chosen. Loaders that show the form return this.
 */
export async function leadImageChoices(api: Api, chosenId: string) {
  const images = await api.media.recent({ including: chosenId || undefined });
  return {
    leadImages: images.map((image) => ({
      id: image.id,
      title: image.title,
      alt: image.decorative ? "" : image.alt,
      thumbnailUrl: image.thumbnailUrl,
    })),
  };
}
