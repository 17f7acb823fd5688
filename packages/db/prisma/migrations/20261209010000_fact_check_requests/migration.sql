-- CreateEnum
CREATE TYPE "FactCheckClosure" AS ENUM ('PUBLISHED', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "FactCheckVerdict" AS ENUM ('ACCURATE', 'CORRECTIONS');

-- CreateTable
CREATE TABLE "FactCheckRequest" (
    "id" TEXT NOT NULL,
    "itemId" TEXT NOT NULL,
    "revisionId" TEXT NOT NULL,
    "requestedById" TEXT,
    "message" TEXT NOT NULL,
    "closesAt" TIMESTAMPTZ(3) NOT NULL,
    "closedAt" TIMESTAMPTZ(3),
    "closedReason" "FactCheckClosure",
    "closedById" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FactCheckRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FactCheckRecipient" (
    "id" TEXT NOT NULL,
    "requestId" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "openedAt" TIMESTAMPTZ(3),
    "answeredAt" TIMESTAMPTZ(3),
    "verdict" "FactCheckVerdict",
    "comments" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "FactCheckRecipient_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "FactCheckRequest_itemId_createdAt_idx" ON "FactCheckRequest"("itemId", "createdAt" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "FactCheckRecipient_tokenHash_key" ON "FactCheckRecipient"("tokenHash");

-- CreateIndex
CREATE UNIQUE INDEX "FactCheckRecipient_requestId_email_key" ON "FactCheckRecipient"("requestId", "email");

-- AddForeignKey
ALTER TABLE "FactCheckRequest" ADD CONSTRAINT "FactCheckRequest_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "ContentItem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FactCheckRequest" ADD CONSTRAINT "FactCheckRequest_revisionId_fkey" FOREIGN KEY ("revisionId") REFERENCES "Revision"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FactCheckRequest" ADD CONSTRAINT "FactCheckRequest_requestedById_fkey" FOREIGN KEY ("requestedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FactCheckRequest" ADD CONSTRAINT "FactCheckRequest_closedById_fkey" FOREIGN KEY ("closedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FactCheckRecipient" ADD CONSTRAINT "FactCheckRecipient_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "FactCheckRequest"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- A fact-check request closes once its item goes on the public site after it was sent, however
-- that happens (publishing, publishing without review, the scheduler recording a schedule, or any
-- later route): every one of them sets "liveSince". Restoring an older "liveSince" (undoing an
-- archive) does not close requests sent after it. The closure stays if the item is unpublished
-- again. (The instant between a scheduled time and its recording is the API's, decision 028.)
CREATE FUNCTION "fact_check_close_on_publication"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "FactCheckRequest"
  SET "closedAt" = NEW."liveSince", "closedReason" = 'PUBLISHED'
  WHERE "itemId" = NEW."id" AND "closedAt" IS NULL AND "createdAt" <= NEW."liveSince";
  RETURN NULL;
END;
$$;

CREATE TRIGGER "ContentItem_fact_check_close"
AFTER UPDATE OF "liveSince" ON "ContentItem"
FOR EACH ROW
WHEN (NEW."liveSince" IS NOT NULL AND NEW."liveSince" IS DISTINCT FROM OLD."liveSince")
EXECUTE FUNCTION "fact_check_close_on_publication"();
