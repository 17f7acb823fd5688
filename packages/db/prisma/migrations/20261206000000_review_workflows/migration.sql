-- CreateEnum
CREATE TYPE "StepRequirement" AS ENUM ('ANY', 'ALL');

-- CreateEnum
CREATE TYPE "ReviewRoundStatus" AS ENUM ('IN_PROGRESS', 'APPROVED', 'CHANGES_REQUESTED', 'CLOSED');

-- Reviews name their step instead of the two fixed ones.
ALTER TABLE "Review" ADD COLUMN "roundId" TEXT,
ADD COLUMN     "stepIndex" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "stepName" TEXT;
UPDATE "Review" SET "stepName" = CASE WHEN "step" = 'CLINICAL' THEN 'Clinical sign-off' ELSE 'Editorial review' END,
  "stepIndex" = CASE WHEN "step" = 'CLINICAL' THEN 1 ELSE 0 END;
ALTER TABLE "Review" ALTER COLUMN "stepName" SET NOT NULL, DROP COLUMN "step";
DROP TYPE "ReviewStep";

-- CreateTable
CREATE TABLE "ReviewGroup" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "roles" "Role"[] DEFAULT ARRAY[]::"Role"[],
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ReviewGroup_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReviewGroupMember" (
    "groupId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "addedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReviewGroupMember_pkey" PRIMARY KEY ("groupId","userId")
);

-- CreateTable
CREATE TABLE "Workflow" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Workflow_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WorkflowStep" (
    "id" TEXT NOT NULL,
    "workflowId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "groupId" TEXT NOT NULL,
    "requirement" "StepRequirement" NOT NULL DEFAULT 'ANY',

    CONSTRAINT "WorkflowStep_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WorkflowAttachment" (
    "id" TEXT NOT NULL,
    "workflowId" TEXT NOT NULL,
    "kind" "ContentKind" NOT NULL,
    "workstreamId" TEXT,
    "scope" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WorkflowAttachment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReviewRound" (
    "id" TEXT NOT NULL,
    "revisionId" TEXT NOT NULL,
    "workflowId" TEXT,
    "workflowName" TEXT NOT NULL,
    "workflowVersion" INTEGER NOT NULL,
    "steps" JSONB NOT NULL,
    "stepIndex" INTEGER NOT NULL DEFAULT 0,
    "stepName" TEXT,
    "stepGroupId" TEXT,
    "status" "ReviewRoundStatus" NOT NULL DEFAULT 'IN_PROGRESS',
    "startedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "stepStartedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMPTZ(3),

    CONSTRAINT "ReviewRound_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ReviewGroup_name_key" ON "ReviewGroup"("name");

-- CreateIndex
CREATE INDEX "ReviewGroupMember_userId_idx" ON "ReviewGroupMember"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "Workflow_name_key" ON "Workflow"("name");

-- CreateIndex
CREATE INDEX "WorkflowStep_groupId_idx" ON "WorkflowStep"("groupId");

-- CreateIndex
CREATE UNIQUE INDEX "WorkflowStep_workflowId_position_key" ON "WorkflowStep"("workflowId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "WorkflowAttachment_scope_key" ON "WorkflowAttachment"("scope");

-- CreateIndex
CREATE INDEX "WorkflowAttachment_workflowId_idx" ON "WorkflowAttachment"("workflowId");

-- CreateIndex
CREATE INDEX "WorkflowAttachment_workstreamId_idx" ON "WorkflowAttachment"("workstreamId");

-- CreateIndex
CREATE INDEX "ReviewRound_revisionId_startedAt_idx" ON "ReviewRound"("revisionId", "startedAt");

-- CreateIndex
CREATE INDEX "ReviewRound_status_stepGroupId_stepStartedAt_idx" ON "ReviewRound"("status", "stepGroupId", "stepStartedAt");

-- CreateIndex
CREATE INDEX "ReviewRound_status_stepName_idx" ON "ReviewRound"("status", "stepName");

-- CreateIndex
CREATE INDEX "ReviewRound_workflowId_status_idx" ON "ReviewRound"("workflowId", "status");

-- CreateIndex
CREATE INDEX "Review_roundId_stepIndex_idx" ON "Review"("roundId", "stepIndex");

-- AddForeignKey
ALTER TABLE "Review" ADD CONSTRAINT "Review_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "ReviewRound"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewGroupMember" ADD CONSTRAINT "ReviewGroupMember_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "ReviewGroup"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewGroupMember" ADD CONSTRAINT "ReviewGroupMember_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WorkflowStep" ADD CONSTRAINT "WorkflowStep_workflowId_fkey" FOREIGN KEY ("workflowId") REFERENCES "Workflow"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WorkflowStep" ADD CONSTRAINT "WorkflowStep_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "ReviewGroup"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WorkflowAttachment" ADD CONSTRAINT "WorkflowAttachment_workflowId_fkey" FOREIGN KEY ("workflowId") REFERENCES "Workflow"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WorkflowAttachment" ADD CONSTRAINT "WorkflowAttachment_workstreamId_fkey" FOREIGN KEY ("workstreamId") REFERENCES "Workstream"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewRound" ADD CONSTRAINT "ReviewRound_revisionId_fkey" FOREIGN KEY ("revisionId") REFERENCES "Revision"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewRound" ADD CONSTRAINT "ReviewRound_workflowId_fkey" FOREIGN KEY ("workflowId") REFERENCES "Workflow"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- What review meant until now, as workflows: every kind reviewed by one editor ("Editors": everyone
-- holding the Editor or Administrator role), and where the old setting asked for clinical sign-off,
-- a second step by the people and roles it named.
INSERT INTO "ReviewGroup" ("id", "name", "description", "roles", "updatedAt")
VALUES ('group-editors', 'Editors', 'Everyone with the Editor or Administrator role.', ARRAY['EDITOR', 'ADMIN']::"Role"[], now());
INSERT INTO "Workflow" ("id", "name", "updatedAt") VALUES ('workflow-editorial', 'Editorial review', now());
INSERT INTO "WorkflowStep" ("id", "workflowId", "position", "name", "groupId", "requirement")
VALUES ('step-editorial', 'workflow-editorial', 0, 'Editorial review', 'group-editors', 'ANY');

CREATE TEMP TABLE clinical_kinds AS
SELECT k.key AS kind, k.value AS config
FROM "Setting" s, jsonb_each(s."value" -> 'clinical') k
WHERE s."key" = 'editorial.reviewSteps' AND jsonb_typeof(s."value" -> 'clinical') = 'object'
  AND (jsonb_array_length(COALESCE(k.value -> 'userIds', '[]')) > 0 OR jsonb_array_length(COALESCE(k.value -> 'roles', '[]')) > 0);

INSERT INTO "ReviewGroup" ("id", "name", "description", "roles", "updatedAt")
SELECT 'group-clinical', 'Clinical reviewers', 'Who gave clinical sign-off before workflows.',
  COALESCE((SELECT array_agg(DISTINCT r::"Role") FROM clinical_kinds, jsonb_array_elements_text(COALESCE(config -> 'roles', '[]')) r), ARRAY[]::"Role"[]),
  now()
WHERE EXISTS (SELECT 1 FROM clinical_kinds);
INSERT INTO "ReviewGroupMember" ("groupId", "userId")
SELECT DISTINCT 'group-clinical', u."id"
FROM clinical_kinds, jsonb_array_elements_text(COALESCE(config -> 'userIds', '[]')) uid JOIN "User" u ON u."id" = uid;
INSERT INTO "Workflow" ("id", "name", "updatedAt")
SELECT 'workflow-clinical', 'Editorial review and clinical sign-off', now() WHERE EXISTS (SELECT 1 FROM clinical_kinds);
INSERT INTO "WorkflowStep" ("id", "workflowId", "position", "name", "groupId", "requirement")
SELECT v.id, 'workflow-clinical', v.position, v.name, v.group_id, 'ANY'
FROM (VALUES ('step-clinical-1', 0, 'Editorial review', 'group-editors'), ('step-clinical-2', 1, 'Clinical sign-off', 'group-clinical'))
  AS v(id, position, name, group_id)
WHERE EXISTS (SELECT 1 FROM clinical_kinds);

INSERT INTO "WorkflowAttachment" ("id", "workflowId", "kind", "scope")
SELECT 'attach-' || lower(k::text),
  CASE WHEN k::text IN (SELECT kind FROM clinical_kinds) THEN 'workflow-clinical' ELSE 'workflow-editorial' END,
  k, k::text || ':*'
FROM unnest(enum_range(NULL::"ContentKind")) k;

-- Items in review now carry on as rounds of their kind's workflow, past any step already approved
-- since they were submitted.
INSERT INTO "ReviewRound" ("id", "revisionId", "workflowId", "workflowName", "workflowVersion", "steps",
  "stepIndex", "stepName", "stepGroupId", "startedAt", "stepStartedAt")
SELECT 'round-' || i."id", r."id", w."id", w."name", w."version",
  (SELECT jsonb_agg(jsonb_build_object('name', s."name", 'groupId', s."groupId", 'requirement', s."requirement") ORDER BY s."position")
     FROM "WorkflowStep" s WHERE s."workflowId" = w."id"),
  LEAST(done.n, steps.total - 1),
  (SELECT s."name" FROM "WorkflowStep" s WHERE s."workflowId" = w."id" AND s."position" = LEAST(done.n, steps.total - 1)),
  (SELECT s."groupId" FROM "WorkflowStep" s WHERE s."workflowId" = w."id" AND s."position" = LEAST(done.n, steps.total - 1)),
  COALESCE(r."submittedAt", r."updatedAt"), COALESCE(r."submittedAt", r."updatedAt")
FROM "ContentItem" i
JOIN "Revision" r ON r."id" = i."latestRevisionId"
JOIN "WorkflowAttachment" a ON a."scope" = i."kind"::text || ':*'
JOIN "Workflow" w ON w."id" = a."workflowId"
CROSS JOIN LATERAL (SELECT count(*)::int AS total FROM "WorkflowStep" s WHERE s."workflowId" = w."id") steps
CROSS JOIN LATERAL (
  SELECT count(DISTINCT v."stepName")::int AS n FROM "Review" v
  WHERE v."revisionId" = r."id" AND v."decision" = 'APPROVED' AND v."createdAt" >= COALESCE(r."submittedAt", r."createdAt")
) done
WHERE i."status" = 'IN_REVIEW';
UPDATE "Review" v SET "roundId" = rr."id"
FROM "ReviewRound" rr JOIN "Revision" r ON r."id" = rr."revisionId"
WHERE v."revisionId" = rr."revisionId" AND v."createdAt" >= COALESCE(r."submittedAt", r."createdAt");

DELETE FROM "Setting" WHERE "key" = 'editorial.reviewSteps';
DROP TABLE clinical_kinds;
