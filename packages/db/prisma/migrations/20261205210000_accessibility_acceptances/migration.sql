-- Accessibility warnings accepted for a revision when it was submitted or published, with reasons.
ALTER TABLE "Revision" ADD COLUMN "accessibilityAcceptances" JSONB NOT NULL DEFAULT '[]';
