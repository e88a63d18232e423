-- Live alerts are read by channel and time: the embedded database's live feed polls them, and
-- subscriptions with `since` replay them.

-- CreateIndex
CREATE INDEX "OutboxMessage_channel_createdAt_idx" ON "OutboxMessage"("channel", "createdAt");
