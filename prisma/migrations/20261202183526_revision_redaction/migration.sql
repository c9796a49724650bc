-- AlterTable
ALTER TABLE "Revision" ADD COLUMN     "redactedAt" TIMESTAMP(3),
ADD COLUMN     "redactedById" UUID;

-- AddForeignKey
ALTER TABLE "Revision" ADD CONSTRAINT "Revision_redactedById_fkey" FOREIGN KEY ("redactedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
