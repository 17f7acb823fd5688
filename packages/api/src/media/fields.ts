import { z } from "zod";
import { AppError } from "../errors.ts";
import { oneLine } from "../input-text.ts";

// The words staff give a library image, and the rules they follow wherever they are set.

export const MAX_ALT_CHARACTERS = 250;

const line = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `${label} must be ${max} characters or fewer`)
    .refine(...oneLine(label))
    .default("");

export const mediaText = z.object({
  alt: z
    .string()
    .trim()
    .max(MAX_ALT_CHARACTERS, `Alt text must be ${MAX_ALT_CHARACTERS} characters or fewer`)
    .refine(...oneLine("Alt text"))
    .default(""),
  decorative: z.boolean().default(false),
  caption: z.string().trim().max(1000, "Caption must be 1,000 characters or fewer").default(""),
  credit: line(200, "Credit"),
});

export const titleField = line(200, "Title");

const stem = (fileName: string) => fileName.replace(/\.[a-z0-9]{1,5}$/i, "");

/** The title an image gets from its file name: "Waiting times 2026" from "Waiting times 2026.png". */
export const titleFromFileName = (fileName: string) => stem(fileName).trim() || fileName;

/**
 * Alt text as stored: required unless the image is decorative (then it is empty, so screen readers
 * skip it), and never the file name, which tells a listener nothing.
 */
export function checkedAlt(input: { alt: string; decorative: boolean }, fileName: string): string {
  if (input.decorative) return "";
  if (!input.alt) {
    throw new AppError("BAD_REQUEST", "Enter alt text", {
      alt: "Describe the image for people who cannot see it, or mark it as decorative",
    });
  }
  const folded = input.alt.toLowerCase();
  if (folded === fileName.toLowerCase() || folded === stem(fileName).toLowerCase()) {
    throw new AppError("BAD_REQUEST", "Alt text cannot be the file name", {
      alt: "Alt text cannot be the file name: describe what the image shows",
    });
  }
  return input.alt;
}
