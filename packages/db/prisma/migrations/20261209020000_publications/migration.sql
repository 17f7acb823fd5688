-- CreateEnum
CREATE TYPE "AttachmentFormat" AS ENUM ('PDF', 'CSV', 'ODS', 'DOCX', 'ODT', 'HTML');

-- AlterEnum
ALTER TYPE "ContentKind" ADD VALUE 'PUBLICATION';

-- CreateTable
CREATE TABLE "Attachment" (
    "id" TEXT NOT NULL,
    "revisionId" TEXT NOT NULL,
    "originId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "format" "AttachmentFormat" NOT NULL,
    "storageKey" TEXT,
    "fileName" TEXT,
    "byteSize" INTEGER NOT NULL DEFAULT 0,
    "pageCount" INTEGER,
    "isAccessible" BOOLEAN NOT NULL DEFAULT false,
    "slug" TEXT,
    "document" JSONB,
    "bodyText" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Attachment_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Attachment_storageKey_idx" ON "Attachment"("storageKey");

-- CreateIndex
CREATE UNIQUE INDEX "Attachment_revisionId_originId_key" ON "Attachment"("revisionId", "originId");

-- CreateIndex
CREATE UNIQUE INDEX "Attachment_revisionId_slug_key" ON "Attachment"("revisionId", "slug");

-- AddForeignKey
ALTER TABLE "Attachment" ADD CONSTRAINT "Attachment_revisionId_fkey" FOREIGN KEY ("revisionId") REFERENCES "Revision"("id") ON DELETE CASCADE ON UPDATE CASCADE;
