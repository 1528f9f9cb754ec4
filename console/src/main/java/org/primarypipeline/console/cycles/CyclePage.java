package org.primarypipeline.console.cycles;

import java.util.List;
import org.primarypipeline.console.web.Paging;
import org.primarypipeline.console.web.Progress;

/**
 * The cycle page ({@code cycle.mustache}) as typed data: each component is a name the template uses.
 * A panel that has nothing to show yet (no turnout, no result, no fundraiser) is null.
 */
public record CyclePage(
        String title,
        Summary cycle,
        String member,
        Live live,
        List<Step> steps,
        Actions actions,
        boolean readOnly,
        List<Nominee> nominees,
        Paging nomineePaging,
        List<Progress> sending,
        TurnoutPanel turnout,
        ResultPanel result,
        List<Recount> recounts,
        boolean recountStage,
        Fundraiser fundraiser,
        String fundraiserPending,
        List<Event> timeline,
        Paging timelinePaging,
        org.primarypipeline.console.campaigns.CampaignPanel campaign) {

    public record Summary(
            String id, String district, String createdBy, String createdAt, String settings, String failureReason) {}

    /** The htmx-polled part of the page ({@code fragments/cycle-live}); it needs only the cycle's id. */
    public record LiveFragment(Id cycle, Live live) {}

    public record Id(String id) {}

    /**
     * The live state: the workflow's when Temporal knows the cycle ({@code known}), else PostgreSQL's
     * record. The approvals, winner and recount come only from the workflow (null without it).
     */
    public record Live(
            boolean known,
            String stageKey,
            String stage,
            String statusKey,
            String status,
            boolean running,
            String deadline,
            String left,
            boolean overdue,
            int extensions,
            boolean extended,
            String checkedAt,
            List<String> approvals,
            Integer approvalCount,
            Boolean youApproved,
            String winner,
            String recount,
            Boolean recountFailed,
            String failure,
            boolean certification) {}

    public record Step(String title, boolean done, boolean current, String state) {}

    /**
     * Which action forms the page shows; {@code any} is false once the cycle ended or for a read-only role.
     * {@code recountRunning}: why the approve button is disabled (null when it is not).
     */
    public record Actions(
            boolean any,
            boolean window,
            String windowName,
            boolean certification,
            boolean alreadyApproved,
            boolean cancel,
            String recountRunning) {}

    public record Nominee(
            long id,
            String name,
            String source,
            boolean pledgeSigned,
            String vetting,
            boolean waiting,
            boolean review,
            boolean canApprove,
            boolean withdraw) {}

    public record TurnoutPanel(
            int electorate, int ballots, String share, List<TurnoutDay> days, boolean hasDays, String chartJson) {}

    public record TurnoutDay(String day, int ballots, int cumulative, String share) {}

    public record ResultPanel(
            String winner,
            String runnerUp,
            boolean quorumMet,
            String exercised,
            String total,
            String exercisedShare,
            String margin,
            boolean decidedByLot,
            String decisive,
            String method,
            String policy,
            long seed,
            int electorate,
            String tieBreak,
            List<String> candidates,
            List<RoundRow> rounds,
            String chartJson) {}

    public record RoundRow(String label, List<Cell> cells, String exhausted, String eliminated) {}

    /** Units behind one candidate in one round ("out" once eliminated) and the change since the round before. */
    public record Cell(String units, String change) {}

    public record Recount(String when, String actor, String detail, boolean matched) {}

    public record Fundraiser(
            long id,
            String title,
            String status,
            String payments,
            String goal,
            String raised,
            long donors,
            String financePage) {}

    public record Event(String when, String stage, String kind, String detail, String actor) {}
}
