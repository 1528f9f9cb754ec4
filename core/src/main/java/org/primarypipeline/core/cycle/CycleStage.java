package org.primarypipeline.core.cycle;

/** The five stages a district cycle passes through, in order, and where it ends. */
public enum CycleStage {
    PLEDGE_VETTING("Pledge vetting"),
    NOMINATION_WINDOW("Nomination window"),
    VOTING_ROUND("Voting round"),
    CERTIFICATION("Certification"),
    FUNDRAISER_LAUNCH("Fundraiser launch"),
    DONE("Done");

    private final String title;

    CycleStage(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }

    public boolean isAfter(CycleStage other) {
        return ordinal() > other.ordinal();
    }

    public boolean isAtOrBefore(CycleStage other) {
        return ordinal() <= other.ordinal();
    }
}
