package org.primarypipeline.batch.cutturf;

import java.util.List;
import org.primarypipeline.contacts.Turfs;
import org.primarypipeline.contacts.Universe;
import org.springframework.batch.core.Job;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.JobParameters;
import org.springframework.batch.core.JobParametersBuilder;
import org.springframework.batch.core.launch.JobLauncher;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Starts {@code cut-turf} for a DOOR universe and waits for it (a district of tens of thousands of doors
 * is cut in seconds); {@link #resume} runs a failed cut again with the same parameters, which Spring Batch
 * restarts after its last committed district.
 */
@Component
public class TurfCuts {

    /** How a cut ended: the cut as stored and Spring Batch's verdict. */
    public record Outcome(Turfs.Cut cut, String status, String failure) {}

    private final JobLauncher launcher;
    private final Job job;
    private final Turfs turfs;
    private final int defaultDoors;

    public TurfCuts(
            JobLauncher launcher,
            @Qualifier("cutTurfJob") Job job,
            Turfs turfs,
            @Value("${pp.canvass.doors-per-turf:50}") int defaultDoors) {
        this.launcher = launcher;
        this.job = job;
        this.turfs = turfs;
        this.defaultDoors = defaultDoors;
    }

    public int defaultDoors() {
        return defaultDoors;
    }

    /** Records the cut and runs the job to its end; {@code doorsPerTurf} null means the configured default. */
    public Outcome cut(
            Universe universe, String name, String script, List<String> questions, Integer doorsPerTurf, String by) {
        if (universe.channel() != Universe.Channel.DOOR) {
            throw new IllegalArgumentException("turfs are cut from a DOOR universe");
        }
        int doors = doorsPerTurf == null ? defaultDoors : doorsPerTurf;
        long cutId = turfs.createCut(universe.cycleId(), universe.id(), name, script, questions, doors, by);
        return run(cutId);
    }

    /** Runs a cut that failed again, from its last committed district. */
    public Outcome resume(long cutId) {
        return run(cutId);
    }

    private Outcome run(long cutId) {
        JobParameters parameters = new JobParametersBuilder()
                .addLong(CutTurfJobConfiguration.CUT_ID, cutId)
                .toJobParameters();
        JobExecution execution;
        try {
            execution = launcher.run(job, parameters);
        } catch (Exception e) {
            throw new IllegalStateException("turf cut " + cutId + " could not run: " + e.getMessage(), e);
        }
        String failure = execution.getAllFailureExceptions().stream()
                .map(Throwable::getMessage)
                .findFirst()
                .orElse(null);
        return new Outcome(turfs.cut(cutId).orElseThrow(), execution.getStatus().name(), failure);
    }
}
