import { describe, expect, it } from "vitest";
import { checkedAlt, titleFromFileName } from "./fields.ts";
import { detectImageType } from "./file-types.ts";
import { fallbackVariants, readVariants, srcsetOf, variantWidths } from "./variants.ts";

describe("variant widths", () => {
  it("are the standard widths no wider than the original, and always at least one", () => {
    expect(variantWidths(4000)).toEqual([320, 640, 960, 1280, 1920]);
    expect(variantWidths(1280)).toEqual([320, 640, 960, 1280]);
    expect(variantWidths(1000)).toEqual([320, 640, 960]);
    expect(variantWidths(200)).toEqual([200]);
  });

  it("list the fallback files narrowest first for a srcset, and read unreadable JSON as none", () => {
    const variants = readVariants([
      { key: "k-640.jpg", format: "jpeg", width: 640, height: 320, byteSize: 1 },
      { key: "k-320.webp", format: "webp", width: 320, height: 160, byteSize: 1 },
      { key: "k-320.jpg", format: "jpeg", width: 320, height: 160, byteSize: 1 },
    ]);
    expect(srcsetOf(fallbackVariants(variants))).toBe("/media/k-320.jpg 320w, /media/k-640.jpg 640w");
    expect(readVariants({ not: "a list" })).toEqual([]);
    expect(readVariants([{ key: "k", format: "bmp" }])).toEqual([]);
  });
});

describe("alt text and titles", () => {
  it("requires alt text unless the image is decorative, and refuses the file name", () => {
    expect(checkedAlt({ alt: "A chart", decorative: false }, "chart.png")).toBe("A chart");
    expect(checkedAlt({ alt: "Anything", decorative: true }, "chart.png")).toBe("");
    expect(() => checkedAlt({ alt: "", decorative: false }, "chart.png")).toThrow("Enter alt text");
    expect(() => checkedAlt({ alt: "CHART", decorative: false }, "chart.png")).toThrow("cannot be the file name");
    expect(() => checkedAlt({ alt: "chart.png", decorative: false }, "chart.png")).toThrow("cannot be the file name");
  });

  it("takes a title from the file name without its extension", () => {
    expect(titleFromFileName("Waiting times 2026.png")).toBe("Waiting times 2026");
    expect(titleFromFileName(".png")).toBe(".png");
  });
});

describe("file types", () => {
  it("are read from the first bytes, whatever the name says", () => {
    const riff = Buffer.concat([Buffer.from("RIFF"), Buffer.alloc(4), Buffer.from("WEBPVP8 ")]);
    expect(detectImageType(riff)?.mimeType).toBe("image/webp");
    expect(detectImageType(Buffer.from([0xff, 0xd8, 0xff, 0xe0]))?.ext).toBe("jpg");
    expect(detectImageType(Buffer.from("GIF89a"))?.ext).toBe("gif");
    expect(detectImageType(Buffer.from("<svg xmlns='http://www.w3.org/2000/svg'/>"))).toBeNull();
  });
});
