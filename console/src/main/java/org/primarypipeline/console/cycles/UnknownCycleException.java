package org.primarypipeline.console.cycle;

/** No cycle has this id. */
public class UnknownCycleException extends RuntimeException {

    public UnknownCycleException(String cycleId) {
        super("no cycle " + cycleId);
    }
}
