-- Personal API tokens get scopes; existing tokens keep what they were made for, the research space.
-- AlterTable
ALTER TABLE "ApiToken" ADD COLUMN "scopes" TEXT[] DEFAULT ARRAY['research:read']::TEXT[];
