/** The public site's scripts: one module each in apps/web/app/enhancements (decision 023). */
export const enhancementNames = ["header", "comment-form", "copy-link", "print"] as const;
export type Enhancement = (typeof enhancementNames)[number];
