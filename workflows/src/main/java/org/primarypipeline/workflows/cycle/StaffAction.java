package org.primarypipeline.workflows.cycle;

import java.time.Duration;

/**
 * A staff member's request to steer a cycle: who asks, why, and for an extension how long (null: one
 * more of the stage's configured period).
 */
public record StaffAction(String actor, String reason, Duration extension) {

    public static StaffAction by(String actor) {
        return new StaffAction(actor, null, null);
    }

    public static StaffAction by(String actor, String reason) {
        return new StaffAction(actor, reason, null);
    }
}
