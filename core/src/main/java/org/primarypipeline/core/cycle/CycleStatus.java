package org.primarypipeline.core.cycle;

/** Whether a cycle is still under way, and if not, how it ended. */
public enum CycleStatus {
    RUNNING,
    COMPLETED,
    FAILED,
    CANCELLED;

    public boolean isFinished() {
        return this != RUNNING;
    }
}
