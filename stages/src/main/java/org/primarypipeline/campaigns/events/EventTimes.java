package org.primarypipeline.campaigns.events;

/**
 * An event's timers as epoch milliseconds, and its state: what {@code EventWorkflow} plans by (it reads
 * no clock or setting of its own).
 */
public record EventTimes(
        String status,
        long publishAtMillis,
        long startsAtMillis,
        long endsAtMillis,
        long emailReminderAtMillis,
        long smsReminderAtMillis,
        boolean done) {}
