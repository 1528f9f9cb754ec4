package org.primarypipeline.console.voting;

import org.primarypipeline.platform.PublicDoor;
import org.primarypipeline.voting.AuditBundle;
import org.primarypipeline.voting.AuditBundles;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The audit bundle of a counted round, for anyone: every ballot's ranking and weight and every proxy
 * edge under pseudonyms, the seed, the chain head and the result, so that {@code pp verify} (or anyone's
 * own program) can count the round again. Unknown cycle: 404; not counted yet: 409, both in words.
 */
@RestController
@PublicDoor
public class AuditBundleController {

    private final AuditBundles bundles;
    private final BallotService ballots;

    public AuditBundleController(AuditBundles bundles, BallotService ballots) {
        this.bundles = bundles;
        this.ballots = ballots;
    }

    @GetMapping("/ballot/{cycleId}/audit-bundle")
    public AuditBundle bundle(@PathVariable String cycleId) {
        ballots.cycle(cycleId);
        return bundles.of(cycleId)
                .orElseThrow(() -> new IllegalStateException("the audit bundle of cycle " + cycleId
                        + " is published once its round has been counted; come back after voting closes"));
    }
}
