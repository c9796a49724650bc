-- CreateTable
CREATE TABLE "SignUpAttempt" (
    "id" UUID NOT NULL,
    "ip" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SignUpAttempt_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "SignUpAttempt_ip_createdAt_idx" ON "SignUpAttempt"("ip", "createdAt");

-- CreateIndex
CREATE INDEX "SignInAttempt_email_ip_succeeded_idx" ON "SignInAttempt"("email", "ip", "succeeded");
