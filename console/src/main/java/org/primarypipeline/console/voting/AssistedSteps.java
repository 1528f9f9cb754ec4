package org.primarypipeline.console.voting;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.primarypipeline.core.time.RecipientTimeZones;
import org.primarypipeline.voting.AssistedBallotMessage;
import org.primarypipeline.voting.AssistedBallots;
import org.primarypipeline.voting.AssistedBallots.Entry;
import org.springframework.stereotype.Component;

/**
 * The assisted ballots of a member, in sentences for their own ballot page: each entry staff made for
 * them and what became of it (confirmed, voided, replaced, awaiting their answer or expired with the
 * round), with dates in the district's time.
 */
@Component
class AssistedSteps {

    private final AssistedBallots assisted;

    AssistedSteps(AssistedBallots assisted) {
        this.assisted = assisted;
    }

    List<String> of(String cycleId, long memberId, String districtId, boolean roundOpen) {
        List<String> steps = new ArrayList<>();
        for (Entry e : assisted.of(cycleId, memberId)) {
            String entered = "Staff entered a ballot for you (" + AssistedBallotMessage.enteredWhat(e) + ") on "
                    + at(e.enteredAt(), districtId) + " at your request"
                    + (e.note().isEmpty() ? "" : " (" + e.note() + ")") + "; ";
            String then = switch (e.state()) {
                case CONFIRMED ->
                    "you confirmed it on " + at(e.answeredAt(), districtId) + ", so it counts"
                            + (e.receiptSeq() == null ? "." : " (receipt entry #" + e.receiptSeq() + ").");
                case VOIDED -> "you voided it on " + at(e.answeredAt(), districtId) + ", so it does not count.";
                case REPLACED ->
                    "a later entry replaced it on " + at(e.answeredAt(), districtId) + " before you answered; it does "
                            + "not count.";
                case PENDING ->
                    roundOpen
                            ? "it awaits your answer: follow the link we sent you to confirm or void it. Until you "
                                    + "confirm it, it does not count."
                            : "voting closed before you confirmed it, so it was not counted.";
            };
            steps.add(entered + then);
        }
        return steps;
    }

    /** An instant as the member reads it: in their district's time zone. */
    static String at(Instant instant, String districtId) {
        ZoneId zone;
        try {
            zone = RecipientTimeZones.ofState(districtId);
        } catch (RuntimeException unknownState) {
            zone = null;
        }
        return DateTimeFormatter.ofPattern("EEE, MMM d, yyyy, h:mm a z", Locale.US)
                .format(instant.atZone(zone == null ? ZoneId.of("America/New_York") : zone));
    }

    /** For {@link AssistedBallots.State} words on the link's page. */
    static String state(AssistedBallots.State state) {
        return switch (state) {
            case CONFIRMED -> "confirmed";
            case VOIDED -> "voided";
            case REPLACED -> "replaced by a later entry";
            case PENDING -> "awaiting your answer";
        };
    }
}
