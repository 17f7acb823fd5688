import { uploadMedia } from "@observatory/api";
import type { Db } from "@observatory/db";
import sharp from "sharp";

// The demo's pictures: plain illustrations drawn here (no photographs to license), taken into the
// media library as an editor would upload them, with alt text that says what each shows. Items name
// one in their front matter (`image:`) as their lead image.

// Drawn on a 1200 × 675 canvas, stored at 640 × 360: wide enough for the body column, and quick to
// turn into the library's variants at every seed (the journeys seed a new database each run).
const WIDTH = 640;
const HEIGHT = 360;
const blue = "#005eb8";
const darkBlue = "#003087";
const green = "#009639";
const pale = "#e8edee";

const bars = [180, 260, 330, 420, 500]
  .map(
    (h, i) => `<rect x="${190 + i * 170}" y="${575 - h}" width="110" height="${h}" fill="${i % 2 ? blue : darkBlue}"/>`,
  )
  .join("");
const nodes: [number, number][] = [
  [250, 200],
  [600, 140],
  [950, 220],
  [320, 480],
  [640, 420],
  [900, 500],
];
const links: [number, number][] = [
  [0, 1],
  [1, 2],
  [0, 3],
  [1, 4],
  [2, 5],
  [3, 4],
  [4, 5],
];

export const demoImages = {
  "bar-chart": {
    fileName: "rising-bar-chart.png",
    title: "Rising bar chart",
    alt: "Illustration of a bar chart with five bars, each taller than the one before",
    svg: `<rect width="100%" height="100%" fill="${pale}"/><line x1="150" y1="575" x2="1050" y2="575" stroke="#425563" stroke-width="6"/>${bars}`,
  },
  conversation: {
    fileName: "two-speech-bubbles.png",
    title: "Two speech bubbles",
    alt: "Illustration of two overlapping speech bubbles, one blue and one green",
    svg: `<rect width="100%" height="100%" fill="${pale}"/>
      <rect x="220" y="130" width="520" height="290" rx="60" fill="${blue}"/><polygon points="320,410 300,520 420,410" fill="${blue}"/>
      <rect x="480" y="300" width="500" height="260" rx="60" fill="${green}"/><polygon points="880,550 910,640 800,550" fill="${green}"/>`,
  },
  network: {
    fileName: "connected-circles.png",
    title: "Connected circles",
    alt: "Illustration of six circles joined by lines into a network",
    svg: `<rect width="100%" height="100%" fill="${pale}"/>${links
      .map(([a, b]) => {
        const [x1, y1] = nodes[a] ?? [0, 0];
        const [x2, y2] = nodes[b] ?? [0, 0];
        return `<line x1="${x1}" y1="${y1}" x2="${x2}" y2="${y2}" stroke="#425563" stroke-width="8"/>`;
      })
      .join(
        "",
      )}${nodes.map(([x, y], i) => `<circle cx="${x}" cy="${y}" r="70" fill="${i % 2 ? green : blue}"/>`).join("")}`,
  },
} as const;

export type DemoImageName = keyof typeof demoImages;
export const demoImageNames = Object.keys(demoImages) as [DemoImageName, ...DemoImageName[]];

/**
 * Puts each demo picture in the media library, uploaded by `uploaderId`, unless one with its file
 * name is there already; returns their ids by name.
 */
export async function seedImages(db: Db, uploaderId: string): Promise<Map<DemoImageName, string>> {
  const uploader = await db.user.findUniqueOrThrow({
    where: { id: uploaderId },
    select: { id: true, name: true, email: true, role: true },
  });
  const ids = new Map<DemoImageName, string>();
  for (const name of demoImageNames) {
    const image = demoImages[name];
    const existing = await db.media.findFirst({ where: { fileName: image.fileName }, select: { id: true } });
    if (existing) {
      ids.set(name, existing.id);
      continue;
    }
    const png = await sharp(
      Buffer.from(
        `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 1200 675">${image.svg}</svg>`,
      ),
    )
      .png()
      .toBuffer();
    const { id } = await uploadMedia(
      { db, user: uploader, request: { ip: null, ipHash: null, userAgent: null, origin: null, url: "demo seed" } },
      {
        fileName: image.fileName,
        contentBase64: png.toString("base64"),
        title: image.title,
        alt: image.alt,
        decorative: false,
        caption: "",
        credit: "",
      },
    );
    ids.set(name, id);
  }
  return ids;
}
