package org.primarypipeline.workflows.events;

import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import org.primarypipeline.campaigns.events.EventActivities;
import org.primarypipeline.campaigns.events.EventTimes;

/**
 * The event's few steps as durable timers: about twenty history events whatever the number of RSVPs, since
 * every bulk send is one activity. Nothing here reads a clock or the database but through Temporal.
 */
public class EventWorkflowImpl implements EventWorkflow {

    /** How long after the event the follow-up waits for the host's report at most. */
    static final Duration REPORT_GRACE = Duration.ofDays(3);

    private final EventActivities activities = Workflow.newActivityStub(
            EventActivities.class,
            ActivityOptions.newBuilder()
                    .setStartToCloseTimeout(Duration.ofMinutes(5))
                    .setRetryOptions(RetryOptions.newBuilder()
                            .setInitialInterval(Duration.ofSeconds(1))
                            .setBackoffCoefficient(2)
                            .setMaximumInterval(Duration.ofMinutes(5))
                            .build())
                    .build());

    private boolean objected;
    private boolean reported;
    private String step = "REVIEW";

    @Override
    public String run(long eventId) {
        EventTimes t = activities.times(eventId);
        if (t.done()) {
            return finish("DONE");
        }
        if ("OBJECTED".equals(t.status()) || "CANCELLED".equals(t.status())) {
            return finish("OBJECTED");
        }
        if ("IN_REVIEW".equals(t.status())) {
            Workflow.await(until(t.publishAtMillis()), () -> objected);
            if (objected || !activities.publishIfDue(eventId)) {
                return finish("OBJECTED");
            }
            step = "PUBLISHED";
            activities.inviteNearby(eventId);
        } else if (t.publishAtMillis() > 0 && "PUBLISHED".equals(t.status()) && now() < t.startsAtMillis()) {
            // a trusted host's event, published when proposed: invite once (the outbox keys make a resume harmless)
            step = "PUBLISHED";
            activities.inviteNearby(eventId);
        }
        if (now() < t.emailReminderAtMillis()) {
            Workflow.sleep(until(t.emailReminderAtMillis()));
            activities.remindByEmail(eventId);
        }
        if (now() < t.smsReminderAtMillis()) {
            Workflow.sleep(until(t.smsReminderAtMillis()));
            activities.remindBySms(eventId);
        }
        step = "REMINDED";
        if (now() < t.endsAtMillis()) {
            Workflow.sleep(until(t.endsAtMillis()));
        }
        step = "ENDED";
        if (!"REPORTED".equals(activities.times(eventId).status())) {
            Workflow.await(until(t.endsAtMillis() + REPORT_GRACE.toMillis()), () -> reported);
        }
        activities.followUp(eventId);
        return finish("DONE");
    }

    private String finish(String last) {
        step = last;
        return last;
    }

    @Override
    public void objected() {
        objected = true;
    }

    @Override
    public void reported() {
        reported = true;
    }

    @Override
    public String step() {
        return step;
    }

    private static long now() {
        return Workflow.currentTimeMillis();
    }

    private static Duration until(long millis) {
        return Duration.ofMillis(Math.max(0, millis - now()));
    }
}
