// The networks an item can be shared to: each is a plain link to the network's own share page, with
// the item's address and title in the query string, so that sharing loads nothing from the network
// until the reader follows the link. Importable in the browser: no server dependencies here.
// Mastodon is not offered: it has no one share address, each server has its own.

export const shareNetworkIds = ["linkedin", "bluesky", "facebook", "x", "threads", "whatsapp"] as const;

export type ShareNetworkId = (typeof shareNetworkIds)[number];

type Shared = { url: string; title: string };

export const shareNetworks: Record<ShareNetworkId, { label: string; shareUrl: (item: Shared) => string }> = {
  linkedin: {
    label: "LinkedIn",
    shareUrl: ({ url }) => `https://www.linkedin.com/sharing/share-offsite/?url=${encodeURIComponent(url)}`,
  },
  bluesky: {
    label: "Bluesky",
    shareUrl: ({ url, title }) => `https://bsky.app/intent/compose?text=${encodeURIComponent(`${title} ${url}`)}`,
  },
  facebook: {
    label: "Facebook",
    shareUrl: ({ url }) => `https://www.facebook.com/sharer/sharer.php?u=${encodeURIComponent(url)}`,
  },
  x: {
    label: "X (formerly Twitter)",
    shareUrl: ({ url, title }) =>
      `https://x.com/intent/post?text=${encodeURIComponent(title)}&url=${encodeURIComponent(url)}`,
  },
  threads: {
    label: "Threads",
    shareUrl: ({ url, title }) => `https://www.threads.net/intent/post?text=${encodeURIComponent(`${title} ${url}`)}`,
  },
  whatsapp: {
    label: "WhatsApp",
    shareUrl: ({ url, title }) => `https://wa.me/?text=${encodeURIComponent(`${title} ${url}`)}`,
  },
};

/** An email to send the item: its title as the subject, its address as the message. */
export function shareByEmailUrl({ url, title }: Shared): string {
  return `mailto:?subject=${encodeURIComponent(title)}&body=${encodeURIComponent(url)}`;
}
