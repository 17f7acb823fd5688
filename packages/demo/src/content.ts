// The demo content, read from the files in ../content: one Markdown file per item (its front
// matter holds the item's details; the folder names its kind), and the priorities and comments as
// YAML. Checked on reading, so a mistake in a file stops the seed with the file named. The seed
// turns the Markdown into documents with the import that converted stored bodies.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";
import { z } from "zod";
import { type DemoImageName, demoImageNames } from "./images.ts";

const contentDir = fileURLToPath(new URL("../content", import.meta.url));

const kindFolders = {
  pages: "PAGE",
  news: "NEWS",
  blogs: "BLOG",
  "press-releases": "PRESS_RELEASE",
  publications: "PUBLICATION",
} as const;
export type SeedKind = (typeof kindFolders)[keyof typeof kindFolders];

const instant = z.iso.datetime();

const workstreamSchema = z.object({
  slug: z.string(),
  title: z.string(),
  summary: z.string(),
  description: z.string(),
});
export type SeedWorkstream = z.infer<typeof workstreamSchema> & { position: number };

const frontMatterSchema = z.object({
  title: z.string(),
  summary: z.string(),
  author: z.email(),
  published: instant,
  priorities: z.array(z.string()).default([]),
  comments: z.enum(["open", "closed"]),
  /**
   * When its next review falls due, in days from the day the demo is seeded (negative: overdue), so
   * the review-due list always has something in it. Without it, the item was reviewed a few weeks ago.
   */
  reviewDueInDays: z.number().int().min(-300).max(300).optional(),
  /** Who owns it, when not its author. */
  owner: z.email().optional(),
  /** Its lead image: one of the demo pictures (images.ts). */
  image: z.enum(demoImageNames).optional(),
});

export type SeedItem = {
  slug: string;
  kind: SeedKind;
  title: string;
  summary: string;
  body: string;
  authorEmail: string;
  workstreams: string[];
  publishedAt: string;
  commentsOpen: boolean;
  reviewDueInDays?: number;
  ownerEmail?: string;
  image?: DemoImageName;
};

const commentSchema = z.object({
  key: z.string(),
  parentKey: z.string().optional(),
  authorName: z.string(),
  authorEmail: z.email(),
  body: z.string(),
  status: z.enum(["PENDING", "APPROVED", "REJECTED", "SPAM"]),
  createdAt: instant,
  moderationNote: z.string().optional(),
});
export type SeedComment = z.infer<typeof commentSchema> & { itemSlug: string };

function readChecked<T extends z.ZodType>(file: string, schema: T, data: unknown): z.output<T> {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  throw new Error(`${path.relative(contentDir, file)}: ${issue?.path.join(".") || "file"}: ${issue?.message}`);
}

function readYaml<T extends z.ZodType>(name: string, schema: T): z.output<T> {
  const file = path.join(contentDir, name);
  return readChecked(file, schema, parse(fs.readFileSync(file, "utf8")));
}

const frontMatter = /^---\n([\s\S]*?)\n---\n\n?/;

function readItem(file: string, kind: SeedKind): SeedItem {
  const text = fs.readFileSync(file, "utf8");
  const match = frontMatter.exec(text);
  if (!match)
    throw new Error(`${path.relative(contentDir, file)}: the file must start with front matter between --- lines`);
  const front = readChecked(file, frontMatterSchema, parse(match[1] ?? ""));
  return {
    slug: path.basename(file, ".md"),
    kind,
    title: front.title,
    summary: front.summary,
    body: text.slice(match[0].length).trimEnd(),
    authorEmail: front.author,
    workstreams: front.priorities,
    publishedAt: front.published,
    commentsOpen: front.comments === "open",
    ...(front.reviewDueInDays !== undefined ? { reviewDueInDays: front.reviewDueInDays } : {}),
    ...(front.owner ? { ownerEmail: front.owner } : {}),
    ...(front.image ? { image: front.image } : {}),
  };
}

export const workstreams: SeedWorkstream[] = readYaml("priorities.yaml", z.array(workstreamSchema)).map((w, index) => ({
  ...w,
  position: index + 1,
}));

/** Every item, oldest first. */
export const items: SeedItem[] = Object.entries(kindFolders)
  .flatMap(([folder, kind]) =>
    fs
      .readdirSync(path.join(contentDir, folder))
      .filter((name) => name.endsWith(".md"))
      .map((name) => readItem(path.join(contentDir, folder, name), kind)),
  )
  .sort((a, b) => a.publishedAt.localeCompare(b.publishedAt) || a.slug.localeCompare(b.slug));

export const comments: SeedComment[] = Object.entries(
  readYaml("comments.yaml", z.record(z.string(), z.array(commentSchema))),
).flatMap(([itemSlug, list]) => list.map((c) => ({ itemSlug, ...c })));
