package org.primarypipeline.voting;

import java.util.LinkedHashMap;
import java.util.Map;
import org.primarypipeline.cycles.CycleRecord;
import org.primarypipeline.outreach.OutboundMessage;

/**
 * The message with the link to confirm or void an assisted ballot (template {@code assisted-ballot}), in
 * the member's language ({@code member.locale}, the model's {@code locale}). It is transactional, like a ballot link: the member asked for this, so marketing preferences do not apply.
 */
public final class AssistedBallotMessage {

    public static final String TEMPLATE = "assisted-ballot";

    private AssistedBallotMessage() {}

    /** {@code answerUrl} the entry's own link, kept out of the outbox's logs as a secret. */
    public static OutboundMessage of(CycleRecord cycle, AssistedBallots.Entered entered, String answerUrl) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("memberName", entered.memberName());
        model.put("districtId", cycle.districtId());
        model.put("cycleId", cycle.id());
        model.put("enteredWhat", enteredWhat(entered.entry()));
        model.put("answerUrl", answerUrl);
        model.put("closesAt", BallotLinks.closesAt(cycle));
        model.put("enteredRanking", entered.entry().ranking() != null);
        model.put("enteredProxies", entered.entry().proxies() != null);
        model.put("locale", entered.locale());
        return new OutboundMessage(
                        "assisted-ballot:" + entered.entry().id(),
                        entered.entry().channel(),
                        entered.address(),
                        TEMPLATE,
                        model)
                .asTransactional()
                .inState(cycle.districtId())
                .withSecrets("answerUrl");
    }

    /** What the entry holds, in words, without the ranking itself (the link's page shows it). */
    public static String enteredWhat(AssistedBallots.Entry entry) {
        if (entry.ranking() != null && entry.proxies() != null) {
            return "a ranking of the candidates and a list of proxies";
        }
        return entry.ranking() != null ? "a ranking of the candidates" : "a list of proxies";
    }
}
