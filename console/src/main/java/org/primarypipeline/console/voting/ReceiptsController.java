package org.primarypipeline.console.voting;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.primarypipeline.voting.Receipts;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The published receipt chain of a counted round, for members (under {@code /ballot}, no account) and
 * for staff and auditors (under {@code /api}): receipts, chain head, counted flags. Nothing names a
 * member or a ranking. Before the round is counted the answer is 409 and says when to come back.
 */
@RestController
public class ReceiptsController {

    static final int MOST = 10_000;

    static final String RECEIPT_FORMULA =
            "sha256(previous \\n cycle \\n member \\n ranking \\n seq), ranking as candidacy ids joined by '>'";

    /** One page of the published chain; {@code next} (absent on the last page) is the query for the next. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ReceiptList(
            String cycleId,
            String chainHead,
            long chainLength,
            int countedBallots,
            String receipt,
            List<Receipts.Entry> entries,
            String next) {}

    private final Receipts receipts;
    private final BallotService ballots;

    public ReceiptsController(Receipts receipts, BallotService ballots) {
        this.receipts = receipts;
        this.ballots = ballots;
    }

    @GetMapping({"/ballot/{cycleId}/receipts", "/api/cycles/{cycleId}/receipts"})
    public ReceiptList list(
            @PathVariable String cycleId,
            @RequestParam(defaultValue = "0") long after,
            @RequestParam(defaultValue = "1000") int limit) {
        Receipts.Publication published = published(cycleId);
        List<Receipts.Entry> entries = receipts.entries(cycleId, after, Math.max(1, Math.min(limit, MOST)));
        String next = null;
        if (!entries.isEmpty() && entries.get(entries.size() - 1).seq() < published.chainLength()) {
            next = "?after=" + entries.get(entries.size() - 1).seq() + "&limit=" + limit;
        }
        return new ReceiptList(
                cycleId,
                published.chainHead(),
                published.chainLength(),
                published.countedBallots(),
                RECEIPT_FORMULA,
                entries,
                next);
    }

    @GetMapping({"/ballot/{cycleId}/receipts/{receipt}", "/api/cycles/{cycleId}/receipts/{receipt}"})
    public Receipts.Check check(@PathVariable String cycleId, @PathVariable String receipt) {
        published(cycleId);
        return receipts.check(cycleId, receipt).orElseThrow();
    }

    private Receipts.Publication published(String cycleId) {
        ballots.cycle(cycleId);
        return receipts.publication(cycleId)
                .orElseThrow(() -> new IllegalStateException(
                        "the receipts of cycle " + cycleId + " are published once its round has been counted"));
    }
}
