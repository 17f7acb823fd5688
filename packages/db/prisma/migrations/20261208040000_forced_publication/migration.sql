-- CreateTable
CREATE TABLE "ForcedPublication" (
    "id" TEXT NOT NULL,
    "itemId" TEXT NOT NULL,
    "revisionId" TEXT NOT NULL,
    "publishedById" TEXT,
    "reason" TEXT NOT NULL,
    "publishedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "reviewedById" TEXT,
    "reviewedAt" TIMESTAMPTZ(3),
    "reviewNote" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "ForcedPublication_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ForcedPublication_itemId_publishedAt_idx" ON "ForcedPublication"("itemId", "publishedAt" DESC);

-- CreateIndex
CREATE INDEX "ForcedPublication_reviewedAt_publishedAt_idx" ON "ForcedPublication"("reviewedAt", "publishedAt" DESC);

-- AddForeignKey
ALTER TABLE "ForcedPublication" ADD CONSTRAINT "ForcedPublication_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "ContentItem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ForcedPublication" ADD CONSTRAINT "ForcedPublication_revisionId_fkey" FOREIGN KEY ("revisionId") REFERENCES "Revision"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ForcedPublication" ADD CONSTRAINT "ForcedPublication_publishedById_fkey" FOREIGN KEY ("publishedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ForcedPublication" ADD CONSTRAINT "ForcedPublication_reviewedById_fkey" FOREIGN KEY ("reviewedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
