-- CreateEnum
CREATE TYPE "CommentQueueView" AS ENUM ('CARDS', 'TABLE');

-- AlterEnum
ALTER TYPE "CommentStatus" ADD VALUE 'TRASH';

-- AlterTable
ALTER TABLE "Comment" ADD COLUMN     "statusBeforeTrash" "CommentStatus",
ADD COLUMN     "trashedAt" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "commentQueuePageSize" INTEGER NOT NULL DEFAULT 25,
ADD COLUMN     "commentQueueView" "CommentQueueView" NOT NULL DEFAULT 'CARDS';
