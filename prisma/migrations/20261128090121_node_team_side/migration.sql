-- AlterTable
ALTER TABLE "Node" ADD COLUMN     "teamSide" "Perspective";

-- Statements written before this column: the side their team argues now is
-- the best that is known of the side they were written for.
UPDATE "Node" SET "teamSide" = "Team"."perspective" FROM "Team" WHERE "Node"."teamId" = "Team"."id";
