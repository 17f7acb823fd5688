// What each public page type costs a reader (decision 023): the bytes of its HTML, stylesheets and
// JavaScript (gzip, every file the page loads, module preloads included), with the JavaScript held
// to 15 KB; and, with --lighthouse, Lighthouse's mobile scores and Largest Contentful Paint for the
// main page types. Run by `pnpm bench` after its load tests, or alone with `pnpm bench --weight`.
import { spawn } from "node:child_process";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { repoRoot } from "@observatory/db";

export const JS_BUDGET_BYTES = 15 * 1024;

/** One of each public page type, on the demo content every start seeds. */
export const publicPageTypes: { name: string; path: string }[] = [
  { name: "home", path: "/" },
  { name: "priorities", path: "/priorities" },
  { name: "a priority", path: "/priorities/mental-health" },
  { name: "listing (news)", path: "/news" },
  { name: "listing, filtered", path: "/news?workstream=mental-health" },
  { name: "article, comments open", path: "/news/recognising-jaundice-in-black-and-brown-babies" },
  { name: "article, comments closed", path: "/press-releases/workforce-programme-pay-progression-and-bullying" },
  { name: "page", path: "/about" },
  { name: "search results", path: "/search?q=maternity" },
  { name: "feeds", path: "/feeds" },
  { name: "privacy", path: "/privacy" },
  { name: "not found", path: "/no-such-page" },
];

/** The page types Lighthouse runs on (about 30 s each on this machine). */
const lighthousePages = ["/", "/news", "/news/recognising-jaundice-in-black-and-brown-babies", "/search?q=maternity"];

export type PageWeight = { name: string; path: string; html: number; css: number; js: number; jsFiles: number };

const gzipped = async (url: string) => gzipSync(Buffer.from(await (await fetch(url)).arrayBuffer())).length;

function attributeValues(html: string, tag: RegExp, attribute: string): string[] {
  return [...html.matchAll(tag)].flatMap((m) => {
    const value = new RegExp(`\\s${attribute}="([^"]+)"`).exec(m[0])?.[1];
    return value ? [value] : [];
  });
}

/** Fetches each page and every stylesheet and script it names, and adds up their gzip sizes. */
export async function measurePageWeights(base: string): Promise<PageWeight[]> {
  const weights: PageWeight[] = [];
  for (const { name, path: pagePath } of publicPageTypes) {
    const html = await (await fetch(`${base}${pagePath}`)).text();
    const styles = attributeValues(html, /<link[^>]*rel="stylesheet"[^>]*>/g, "href");
    const scripts = [
      ...attributeValues(html, /<script[^>]*>/g, "src"),
      ...attributeValues(html, /<link[^>]*rel="modulepreload"[^>]*>/g, "href"),
    ];
    const inline = [...html.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1] ?? "");
    const sizes = async (urls: string[]) =>
      (await Promise.all(urls.map((url) => gzipped(new URL(url, base).href)))).reduce((a, b) => a + b, 0);
    weights.push({
      name,
      path: pagePath,
      html: gzipSync(html).length,
      css: await sizes(styles),
      // Inline scripts are counted inside the HTML; the file count says how many requests there are.
      js: (await sizes(scripts)) + inline.reduce((sum, text) => sum + gzipSync(text).length, 0),
      jsFiles: scripts.length,
    });
  }
  return weights;
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/** Prints the weights; returns the pages over the JavaScript budget. */
export function printPageWeights(weights: PageWeight[]): string[] {
  console.log(
    `\npage type (gzip)                  HTML        CSS   JavaScript (files)   limit ${kb(JS_BUDGET_BYTES)}`,
  );
  for (const w of weights) {
    const over = w.js > JS_BUDGET_BYTES;
    console.log(
      `${w.name.padEnd(28)} ${kb(w.html).padStart(9)} ${kb(w.css).padStart(10)} ${kb(w.js).padStart(12)} (${w.jsFiles})   ${over ? "OVER" : "ok"}`,
    );
  }
  return weights.filter((w) => w.js > JS_BUDGET_BYTES).map((w) => `${w.name} (${w.path}): ${kb(w.js)}`);
}

type LighthouseResult = {
  categories: Record<string, { score: number | null }>;
  audits: Record<string, { numericValue?: number; details?: { overallSavingsBytes?: number } }>;
};

function lighthouse(url: string): Promise<LighthouseResult> {
  const bin = path.join(repoRoot, "node_modules/.bin/lighthouse");
  const args = [url, "--output=json", "--quiet", "--chrome-flags=--headless --no-sandbox --disable-gpu"];
  return new Promise((resolve, reject) => {
    const child = spawn(bin, args, {
      env: { ...process.env, CHROME_PATH: process.env.CHROME_PATH ?? "/usr/bin/chromium" },
      stdio: ["ignore", "pipe", "inherit"],
    });
    const chunks: Buffer[] = [];
    child.stdout.on("data", (chunk: Buffer) => chunks.push(chunk));
    child.once("error", reject);
    child.once("exit", (code) =>
      code === 0
        ? resolve(JSON.parse(Buffer.concat(chunks).toString("utf8")) as LighthouseResult)
        : reject(new Error(`lighthouse ${url} stopped with ${code}`)),
    );
  });
}

/** Lighthouse's default run (mobile, simulated slow 4G and CPU) on the main page types. */
export async function runLighthouse(base: string): Promise<void> {
  console.log(
    "\nLighthouse, mobile       performance  accessibility  best practices  SEO    LCP     unused JS  unused CSS",
  );
  for (const pagePath of lighthousePages) {
    const result = await lighthouse(`${base}${pagePath}`);
    const score = (id: string) => String(Math.round((result.categories[id]?.score ?? 0) * 100));
    const lcp = (result.audits["largest-contentful-paint"]?.numericValue ?? 0) / 1000;
    const savings = (id: string) => kb(result.audits[id]?.details?.overallSavingsBytes ?? 0);
    console.log(
      `${pagePath.slice(0, 24).padEnd(24)} ${score("performance").padStart(11)} ${score("accessibility").padStart(14)} ${score("best-practices").padStart(15)} ${score("seo").padStart(4)} ${`${lcp.toFixed(2)} s`.padStart(7)} ${savings("unused-javascript").padStart(10)} ${savings("unused-css-rules").padStart(11)}`,
    );
  }
}
