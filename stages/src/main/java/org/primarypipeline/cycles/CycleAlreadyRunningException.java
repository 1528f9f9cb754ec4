package org.primarypipeline.cycles;

/** Launching a district that already has a running cycle. */
public class CycleAlreadyRunningException extends IllegalStateException {

    public CycleAlreadyRunningException(String districtId, String runningCycleId) {
        super("district " + districtId + " already has a running cycle (" + runningCycleId
                + "); finish or cancel it before launching another");
    }
}
