package org.primarypipeline.vetting;

/**
 * The checks staff do before approving anyone: references contacted, public record checked, FEC filings
 * looked up. Ticks given with a decision are added to those already recorded; none is ever unticked.
 * Serializable because a refused decision carries its ticks back to the page through the session, which
 * Spring Session keeps in PostgreSQL.
 */
public record ReviewChecklist(boolean referencesContacted, boolean publicRecordChecked, boolean fecFilingsLookedUp)
        implements java.io.Serializable {

    public static final ReviewChecklist NONE = new ReviewChecklist(false, false, false);
    public static final ReviewChecklist COMPLETE = new ReviewChecklist(true, true, true);

    public boolean complete() {
        return referencesContacted && publicRecordChecked && fecFilingsLookedUp;
    }

    public ReviewChecklist and(ReviewChecklist more) {
        if (more == null) {
            return this;
        }
        return new ReviewChecklist(
                referencesContacted || more.referencesContacted,
                publicRecordChecked || more.publicRecordChecked,
                fecFilingsLookedUp || more.fecFilingsLookedUp);
    }

    /** What is still to do, in words, e.g. "references contacted, FEC filings looked up". */
    public String missing() {
        java.util.List<String> missing = new java.util.ArrayList<>();
        if (!referencesContacted) {
            missing.add("references contacted");
        }
        if (!publicRecordChecked) {
            missing.add("public record checked");
        }
        if (!fecFilingsLookedUp) {
            missing.add("FEC filings looked up");
        }
        return String.join(", ", missing);
    }
}
