package org.primarypipeline.console.voting;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.primarypipeline.console.web.i18n.Language;
import org.primarypipeline.core.time.RecipientTimeZones;
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

    List<String> of(String cycleId, long memberId, String districtId, boolean roundOpen, Language language) {
        List<String> steps = new ArrayList<>();
        for (Entry e : assisted.of(cycleId, memberId)) {
            String what = e.ranking() != null && e.proxies() != null
                    ? "assisted.what-both"
                    : e.ranking() != null ? "assisted.what-ranking" : "assisted.what-proxies";
            String entered = BallotWords.say(
                    language,
                    e.note().isEmpty() ? "assisted.step-entered" : "assisted.step-entered-note",
                    "what",
                    BallotWords.say(language, what),
                    "at",
                    at(e.enteredAt(), districtId, language),
                    "note",
                    e.note());
            String answered = e.answeredAt() == null ? "" : at(e.answeredAt(), districtId, language);
            String then = switch (e.state()) {
                case CONFIRMED ->
                    e.receiptSeq() == null
                            ? BallotWords.say(language, "assisted.step-confirmed", "at", answered)
                            : BallotWords.say(
                                    language, "assisted.step-confirmed-receipt", "at", answered, "seq", e.receiptSeq());
                case VOIDED -> BallotWords.say(language, "assisted.step-voided", "at", answered);
                case REPLACED -> BallotWords.say(language, "assisted.step-replaced", "at", answered);
                case PENDING -> BallotWords.say(language, roundOpen ? "assisted.step-pending" : "assisted.step-late");
            };
            steps.add(entered + " " + then);
        }
        return steps;
    }

    /** An instant as the member reads it: in their district's time zone. */
    static String at(Instant instant, String districtId, Language language) {
        ZoneId zone;
        try {
            zone = RecipientTimeZones.ofState(districtId);
        } catch (RuntimeException unknownState) {
            zone = null;
        }
        return format(language).format(instant.atZone(zone == null ? ZoneId.of("America/New_York") : zone));
    }

    /** A date and time as the language writes it (English: "Wed, Dec 9, 2026, 3:00 PM EST"). */
    static DateTimeFormatter format(Language language) {
        return language == Language.ES
                ? DateTimeFormatter.ofPattern("EEE d 'de' MMMM 'de' yyyy, H:mm z", language.locale())
                : DateTimeFormatter.ofPattern("EEE, MMM d, yyyy, h:mm a z", Locale.US);
    }

    /** For {@link AssistedBallots.State} words on the link's page. */
    static String state(AssistedBallots.State state, Language language) {
        return BallotWords.say(language, "assisted.state-" + state.name().toLowerCase(Locale.ROOT));
    }
}
