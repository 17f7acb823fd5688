-- CreateEnum
CREATE TYPE "AlertFrequency" AS ENUM ('IMMEDIATE', 'WEEKLY');

-- AlterTable
ALTER TABLE "EmailMessage" ADD COLUMN     "headers" JSONB;

-- CreateTable
CREATE TABLE "AlertSubscription" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "everything" BOOLEAN NOT NULL DEFAULT false,
    "kinds" "ContentKind"[],
    "frequency" "AlertFrequency" NOT NULL,
    "confirmedAt" TIMESTAMPTZ(3),
    "confirmTokenHash" TEXT,
    "confirmExpiresAt" TIMESTAMPTZ(3),
    "lastDigestAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AlertSubscription_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AlertSubscriptionPriority" (
    "subscriptionId" TEXT NOT NULL,
    "workstreamId" TEXT NOT NULL,

    CONSTRAINT "AlertSubscriptionPriority_pkey" PRIMARY KEY ("subscriptionId","workstreamId")
);

-- CreateTable
CREATE TABLE "AlertDelivery" (
    "subscriptionId" TEXT NOT NULL,
    "itemId" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AlertDelivery_pkey" PRIMARY KEY ("subscriptionId","itemId")
);

-- CreateIndex
CREATE UNIQUE INDEX "AlertSubscription_email_key" ON "AlertSubscription"("email");

-- CreateIndex
CREATE UNIQUE INDEX "AlertSubscription_confirmTokenHash_key" ON "AlertSubscription"("confirmTokenHash");

-- CreateIndex
CREATE INDEX "AlertSubscription_confirmedAt_frequency_idx" ON "AlertSubscription"("confirmedAt", "frequency");

-- CreateIndex
CREATE INDEX "AlertSubscription_confirmExpiresAt_idx" ON "AlertSubscription"("confirmExpiresAt");

-- CreateIndex
CREATE INDEX "AlertSubscriptionPriority_workstreamId_idx" ON "AlertSubscriptionPriority"("workstreamId");

-- CreateIndex
CREATE INDEX "AlertDelivery_itemId_idx" ON "AlertDelivery"("itemId");

-- AddForeignKey
ALTER TABLE "AlertSubscriptionPriority" ADD CONSTRAINT "AlertSubscriptionPriority_subscriptionId_fkey" FOREIGN KEY ("subscriptionId") REFERENCES "AlertSubscription"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AlertSubscriptionPriority" ADD CONSTRAINT "AlertSubscriptionPriority_workstreamId_fkey" FOREIGN KEY ("workstreamId") REFERENCES "Workstream"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AlertDelivery" ADD CONSTRAINT "AlertDelivery_subscriptionId_fkey" FOREIGN KEY ("subscriptionId") REFERENCES "AlertSubscription"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AlertDelivery" ADD CONSTRAINT "AlertDelivery_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "ContentItem"("id") ON DELETE CASCADE ON UPDATE CASCADE;
