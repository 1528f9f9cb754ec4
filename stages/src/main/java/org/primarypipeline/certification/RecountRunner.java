package org.primarypipeline.certification;

/**
 * Runs a recount of a cycle and stores its report. The app's implementation is the Spring Batch job in
 * batch-jobs (chunked reads, restartable); where that module is absent (the activities on their own, as
 * the workflow tests run them) {@link DirectRecount} does the same checks in one pass.
 */
public interface RecountRunner {

    /**
     * @return whether the stored result stands, with the report's summary
     * @throws IllegalStateException when the recount could not run at all (the caller may retry)
     */
    RecountOutcome recount(String cycleId, String actor);
}
