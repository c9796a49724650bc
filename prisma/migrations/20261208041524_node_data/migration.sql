-- AlterTable
ALTER TABLE "Node" ADD COLUMN     "data" JSONB;
