-- Login attempts are counted before the password is checked; `held` says whether the last attempt was made to wait.
-- AlterTable
ALTER TABLE "LoginThrottle" ADD COLUMN "held" BOOLEAN NOT NULL DEFAULT false;
