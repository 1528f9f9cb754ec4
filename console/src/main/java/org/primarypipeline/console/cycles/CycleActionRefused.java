package org.primarypipeline.console.cycles;

/** A staff action that does not fit the cycle's state; the message says why. */
public class CycleActionRefused extends RuntimeException {

    public CycleActionRefused(String message) {
        super(message);
    }
}
