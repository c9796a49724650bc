-- CreateTable
CREATE TABLE "DebateEvent" (
    "id" BIGSERIAL NOT NULL,
    "debateId" UUID NOT NULL,
    "type" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" UUID NOT NULL,
    "authorId" UUID,
    "status" "ContributionStatus",
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DebateEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "DebateEvent_debateId_id_idx" ON "DebateEvent"("debateId", "id");

-- AddForeignKey
ALTER TABLE "DebateEvent" ADD CONSTRAINT "DebateEvent_debateId_fkey" FOREIGN KEY ("debateId") REFERENCES "Debate"("id") ON DELETE CASCADE ON UPDATE CASCADE;
