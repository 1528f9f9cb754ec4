package org.primarypipeline.console.cycles;

/** No cycle has this id. */
public class UnknownCycleException extends RuntimeException {

    public UnknownCycleException(String cycleId) {
        super("no cycle " + cycleId);
    }
}
