package org.primarypipeline.outreach;

/** Where an outbox row is on its way out; stored as text in {@code outbox_message.status}. */
public enum OutboxStatus {
    /** Waiting for {@code next_attempt_at} (new, retrying after a transient failure, or held for quiet hours). */
    PENDING,
    /** Claimed by a sender; a row stuck here past the claim timeout is returned to PENDING. */
    SENDING,
    /** Accepted by the SMTP server or Twilio. */
    SENT,
    /** Given up: a permanent failure or too many transient ones; {@code dead_reason} says why. Staff can requeue. */
    DEAD,
    /** Not sent because the recipient opted out (at enqueue or at send time). */
    SUPPRESSED
}
