import { PassThrough } from "node:stream";
import { buffer } from "node:stream/consumers";
import type { ReactElement } from "react";
import { renderToPipeableStream } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Document, PageShell } from "./index";

// React's streaming renderer (what both apps' entry.server.tsx use) encodes the page into
// fixed-size byte views and sends each when full. react-dom 18 sent the whole view when a
// multi-byte character did not fit at its end, unwritten bytes included: a NUL in the page.
// Every edge of a 2,048-byte view up to 8 KiB is tested, which covers a 4,096-byte view too.
const viewEdges = [2048, 4096, 6144, 8192];
const characters = { "2-byte": "·", "3-byte": "—", "4-byte": "😀" };
const paddingParagraphs = 16;

/** The page as the apps stream it, collected as bytes once everything is rendered. */
function streamToBytes(element: ReactElement): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const { pipe } = renderToPipeableStream(element, {
      onAllReady() {
        const body = new PassThrough();
        buffer(body).then(resolve, reject);
        pipe(body);
      },
      onShellError: reject,
    });
  });
}

/**
 * A page of the apps' shell whose main content is `padding` ASCII characters, then a paragraph
 * that starts with `character`. The padding is spread over a fixed number of short paragraphs:
 * React encodes a long string on its own, outside the views, which would move their edges.
 */
function pageWith(padding: number, character: string): { page: ReactElement; text: string } {
  const lengths = Array.from({ length: paddingParagraphs }, (_, i) => Math.floor((padding + i) / paddingParagraphs));
  const text = `${character} after the edge`;
  const page = (
    <Document head={<title>Streamed</title>} scripts={null}>
      <PageShell
        header={{ serviceName: "Observatory", homeHref: "/" }}
        footer={{ links: [{ href: "/accessibility", label: "Accessibility" }] }}
      >
        {lengths.map((length, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list, never reordered
          <p key={i}>{"a".repeat(length)}</p>
        ))}
        <p>{text}</p>
      </PageShell>
    </Document>
  );
  return { page, text };
}

async function render(padding: number, character: string) {
  const { page, text } = pageWith(padding, character);
  const bytes = await streamToBytes(page);
  const html = bytes.toString("utf8");
  const offset = Buffer.byteLength(html.slice(0, html.indexOf(text)));
  return { bytes, html, text, offset };
}

describe("a streamed page", () => {
  for (const [width, character] of Object.entries(characters)) {
    it(`has no NUL byte and keeps a ${width} character whichever view edge it meets`, async () => {
      // Padding moves the character byte for byte: find where it lands with none.
      const start = (await render(0, character)).offset;
      for (const edge of viewEdges) {
        for (let offset = edge - 6; offset <= edge + 2; offset += 1) {
          const { bytes, html, text, offset: landed } = await render(offset - start, character);
          const where = `${width} character at byte ${offset}`;
          expect(bytes.indexOf(0), where).toBe(-1);
          expect(Buffer.from(html, "utf8").equals(bytes), `${where}: valid UTF-8`).toBe(true);
          expect(html, where).toContain(`<p>${text}</p>`);
          expect(landed, where).toBe(offset);
        }
      }
    });
  }
});
