import { documentFromMarkdown, documentText } from "@observatory/content";
import { type ContentKind, type Db, Prisma, refreshSearchIndexWhere } from "@observatory/db";

// Realistic volume for benchmarks: many published items across kinds and priorities, and one
// article with a long threaded discussion. Idempotent: rows carry fixed ids.

const kinds: ContentKind[] = ["NEWS", "BLOG", "PRESS_RELEASE"];
const topics = [
  "maternity care",
  "mental health services",
  "ethnicity data",
  "the NHS workforce",
  "genomics",
  "sickle cell disease",
  "community trust",
  "digital inclusion",
  "neonatal jaundice",
  "pulse oximetry",
];

function body(n: number, topic: string): string {
  return [
    `## Why ${topic} matters`,
    `Item ${n} looks at ${topic} and what it means for people from ethnic minority communities using NHS services.`,
    "Evidence gathered with patients, staff and community organisations points to differences in access, experience and outcomes that can be narrowed with practical changes.",
    "## What we recommend",
    "- listen to the communities most affected\n- collect better data and use it\n- check that changes reach everyone",
    `We will keep working with partners on ${topic} and report on progress.`,
  ].join("\n\n");
}

export const BENCH_ARTICLE_SLUG = "benchmark-long-discussion";

export async function seedVolume(db: Db, { items = 240, comments = 200 } = {}): Promise<{ articlePath: string }> {
  const author = await db.user.findFirstOrThrow({
    where: { role: { in: ["AUTHOR", "EDITOR", "ADMIN"] } },
    select: { id: true },
  });
  const workstreams = await db.workstream.findMany({ select: { id: true }, orderBy: { position: "asc" } });
  const start = Date.UTC(2021, 0, 1);
  const rows = Array.from({ length: items }, (_, i) => {
    const n = i + 1;
    const topic = topics[i % topics.length] ?? "health";
    const publishedAt = new Date(start + i * 5 * 86_400_000);
    return {
      n,
      topic,
      publishedAt,
      kind: kinds[i % kinds.length] ?? "NEWS",
      slug: n === 1 ? BENCH_ARTICLE_SLUG : `bench-item-${n}`,
    };
  });
  await db.contentItem.createMany({
    data: rows.map((r) => ({
      id: `bench_item_${r.n}`,
      kind: r.kind,
      slug: r.slug,
      createdById: author.id,
      status: "PUBLISHED",
      publishedAt: r.publishedAt,
      liveSince: r.publishedAt,
      createdAt: r.publishedAt,
    })),
    skipDuplicates: true,
  });
  await db.revision.createMany({
    data: rows.map((r) => {
      const document = documentFromMarkdown(body(r.n, r.topic));
      return {
        id: `bench_rev_${r.n}`,
        itemId: `bench_item_${r.n}`,
        number: 1,
        authorId: author.id,
        title: r.n === 1 ? "A long discussion about fair care" : `Update ${r.n} on ${r.topic}`,
        summary: `What we found about ${r.topic}, and what should change.`,
        document,
        bodyText: documentText(document),
        approvedAt: r.publishedAt,
        submittedAt: r.publishedAt,
        createdAt: r.publishedAt,
      };
    }),
    skipDuplicates: true,
  });
  await db.revisionWorkstream.createMany({
    data: rows.flatMap((r) => {
      const a = workstreams[r.n % workstreams.length];
      const b = workstreams[(r.n + 2) % workstreams.length];
      return [a, b].filter((w) => w !== undefined).map((w) => ({ revisionId: `bench_rev_${r.n}`, workstreamId: w.id }));
    }),
    skipDuplicates: true,
  });
  await db.$executeRaw`
    UPDATE "ContentItem" SET "liveRevisionId" = 'bench_rev_' || substr("id", 12), "latestRevisionId" = 'bench_rev_' || substr("id", 12)
    WHERE "id" LIKE 'bench_item_%' AND "liveRevisionId" IS NULL`;
  await refreshSearchIndexWhere(db, Prisma.sql`r."id" LIKE 'bench_rev_%'`);
  // A thread: every fourth comment starts a discussion, the others reply up to three levels deep.
  const base = Date.UTC(2024, 0, 1);
  await db.comment.createMany({
    data: Array.from({ length: comments }, (_, i) => {
      const parent = i % 4 === 0 ? null : `bench_comment_${i - 1}`;
      return {
        id: `bench_comment_${i}`,
        itemId: "bench_item_1",
        parentId: parent,
        authorName: `Reader ${i + 1}`,
        authorEmail: `reader${i + 1}@example.org`,
        status: "APPROVED" as const,
        createdAt: new Date(base + i * 3_600_000),
        approvedAt: new Date(base + i * 3_600_000),
        body: `Comment ${i + 1}: this reflects what I have seen in my own community. Thank you for raising it.`,
      };
    }),
    skipDuplicates: true,
  });
  return { articlePath: `/news/${BENCH_ARTICLE_SLUG}` };
}
