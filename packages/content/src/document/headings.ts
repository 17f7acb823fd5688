// Headings a body's blocks bring with them, so the renderer and the accessibility check agree on
// the page's outline.

/** Blocks that always open with the same heading, at the top level of the outline. */
export const fixedHeadings = {
  notesToEditors: { level: 2, text: "Notes to editors" },
  pressContact: { level: 2, text: "Press contact" },
} as const;

/** A component's own label (a warning callout's heading, "Do"): one level below the heading before it. */
export function blockLabelLevel(lastHeading: number): number {
  return Math.min(4, Math.max(2, lastHeading + 1));
}
