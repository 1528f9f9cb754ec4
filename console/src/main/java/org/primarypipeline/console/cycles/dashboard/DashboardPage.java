package org.primarypipeline.console.cycles.dashboard;

import java.util.List;

/** The first page after signing in ({@code dashboard.mustache}): where the cycles are, what is due, what waits. */
public record DashboardPage(
        String title,
        List<StageCount> stages,
        List<Ended> finished,
        boolean hasFinished,
        List<Due> due,
        boolean hasDue,
        String dueWindow,
        List<Review> reviews,
        int reviewCount,
        boolean hasReviews,
        List<Certification> certifications,
        boolean hasCertifications,
        List<Failed> failed,
        int deadLetters,
        boolean hasDeadLetters,
        Reconciliation reconciliation,
        List<ReconciliationException> exceptions,
        int exceptionCount,
        boolean hasExceptions) {

    /** Running cycles in one stage, linking to the list filtered to them. */
    public record StageCount(String title, int count, String href) {}

    public record Ended(String status, int count, String href) {}

    public record Due(String id, String district, String stage, String deadline, String left, boolean overdue) {}

    public record Review(String cycle, String name, String href) {}

    /** A cycle waiting for certification and its approvals so far (of 2). */
    public record Certification(String id, int approvals) {}

    /** A failed cycle nobody has launched again: why it failed and where to launch the next. */
    public record Failed(String id, String district, String reason, String relaunchHref) {}

    /** The latest finished reconciliation run with Stripe. */
    public record Reconciliation(long id, String finished) {}

    /** Items of one kind that did not match in that run; href only for a fundraiser the account may open. */
    public record ReconciliationException(String kind, int count, String href, String where) {}
}
