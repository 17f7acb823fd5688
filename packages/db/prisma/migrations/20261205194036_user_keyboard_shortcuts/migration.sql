-- AlterTable
ALTER TABLE "User" ADD COLUMN     "keyboardShortcuts" BOOLEAN NOT NULL DEFAULT true;
