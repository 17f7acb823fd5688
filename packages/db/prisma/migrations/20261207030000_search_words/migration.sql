-- The words each revision uses, for search's "Did you mean" (packages/db/src/search.ts keeps them current).
-- CreateTable
CREATE TABLE "SearchWord" (
    "revisionId" TEXT NOT NULL,
    "word" TEXT NOT NULL,

    CONSTRAINT "SearchWord_pkey" PRIMARY KEY ("revisionId","word")
);

-- CreateIndex
CREATE INDEX "SearchWord_word_trgm_idx" ON "SearchWord" USING GIN ("word" gin_trgm_ops);

-- AddForeignKey
ALTER TABLE "SearchWord" ADD CONSTRAINT "SearchWord_revisionId_fkey" FOREIGN KEY ("revisionId") REFERENCES "Revision"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Every existing revision's words, as refreshSearchIndex writes them.
INSERT INTO "SearchWord" ("revisionId", "word")
SELECT DISTINCT r."id", t."word"
FROM "Revision" r
CROSS JOIN LATERAL regexp_split_to_table(lower(r."title" || ' ' || r."summary" || ' ' || r."bodyText"), '[^[:alpha:]]+') AS t("word")
WHERE length(t."word") BETWEEN 3 AND 40;
