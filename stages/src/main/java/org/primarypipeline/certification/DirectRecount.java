package org.primarypipeline.certification;

import java.time.Instant;
import org.primarypipeline.voting.BallotBox;
import org.primarypipeline.voting.VoteRowSet;
import org.primarypipeline.voting.VoteRows;
import org.springframework.stereotype.Component;

/**
 * The recount without Spring Batch: the same rows, checks and report in one pass. Used where the
 * batch-jobs module is not on the classpath; it is not a {@link RecountRunner} bean itself, so that it
 * never competes with the job where both are present.
 */
@Component
public class DirectRecount {

    private final BallotBox box;
    private final RecountVerifier verifier;
    private final RecountReports reports;

    public DirectRecount(BallotBox box, RecountVerifier verifier, RecountReports reports) {
        this.box = box;
        this.verifier = verifier;
        this.reports = reports;
    }

    public RecountOutcome recount(String cycleId, String actor) {
        Instant started = Instant.now();
        VoteRows rows = box.rows(cycleId, VoteRowSet.values());
        RecountFindings findings = verifier.verify(cycleId, rows);
        reports.store(cycleId, null, actor, started, findings);
        return new RecountOutcome(findings.matches(), findings.summary());
    }
}
