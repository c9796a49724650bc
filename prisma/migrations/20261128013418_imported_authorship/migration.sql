-- AlterTable
ALTER TABLE "Node" ADD COLUMN     "importedAuthor" TEXT;

-- AlterTable
ALTER TABLE "Revision" ADD COLUMN     "actorName" TEXT;
