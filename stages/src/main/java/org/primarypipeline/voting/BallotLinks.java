package org.primarypipeline.voting;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.primarypipeline.core.time.RecipientTimeZones;
import org.primarypipeline.cycles.CycleRecord;
import org.primarypipeline.cycles.CycleRepository;
import org.primarypipeline.outreach.Channel;
import org.primarypipeline.outreach.OutboundMessage;
import org.primarypipeline.outreach.Outbox;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Ballot links through the outbox: one per member when voting opens, fresh ones on request. */
@Component
public class BallotLinks {

    private final BallotAccess access;
    private final CycleRepository cycles;
    private final Outbox outbox;

    public BallotLinks(BallotAccess access, CycleRepository cycles, Outbox outbox) {
        this.access = access;
        this.cycles = cycles;
        this.outbox = outbox;
    }

    /** Queues a link for every member who has none yet; returns how many were queued. */
    @Transactional
    public int queueOpeningLinks(CycleRecord cycle) {
        String closesAt = closesAt(cycle);
        List<OutboundMessage> messages = new ArrayList<>();
        for (BallotAccess.Link link : access.issueOpeningLinks(cycle.id())) {
            messages.add(
                    message(cycle, link, "cycle:" + cycle.id() + ":ballot-link:member:" + link.memberId(), closesAt));
        }
        return outbox.enqueueAll(messages);
    }

    /**
     * Queues a fresh single-use link for the electorate member with this email or phone while the round
     * is open. Says nothing about whether anyone matched, so the form tells no one who is a member.
     */
    @Transactional
    public void sendFresh(String cycleId, String address) {
        CycleRecord cycle = cycles.find(cycleId).orElse(null);
        if (cycle == null) {
            return;
        }
        access.issueFreshLink(cycleId, address)
                .ifPresent(link -> outbox.enqueue(message(
                        cycle,
                        link,
                        "cycle:" + cycleId + ":ballot-link:member:" + link.memberId() + ":fresh:"
                                + access.linksIssued(cycleId, link.memberId()),
                        closesAt(cycle))));
    }

    /** A ballot link is transactional: the member joined this vote, marketing preferences do not apply. */
    private static OutboundMessage message(
            CycleRecord cycle, BallotAccess.Link link, String dedupKey, String closesAt) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("memberName", link.memberName());
        model.put("memberId", link.memberId());
        model.put("cycleId", cycle.id());
        model.put("districtId", cycle.districtId());
        model.put("deadline", String.valueOf(cycle.stageDeadline()));
        model.put("closesAt", closesAt);
        model.put("ballotUrl", link.url());
        return new OutboundMessage(
                        dedupKey, link.email() ? Channel.EMAIL : Channel.SMS, link.address(), "ballot-link", model)
                .asTransactional()
                .inState(cycle.districtId())
                .withSecrets("ballotUrl");
    }

    /** The deadline in the district's time zone, as members read it. */
    public static String closesAt(CycleRecord cycle) {
        if (cycle.stageDeadline() == null) {
            return "the close of voting";
        }
        ZoneId zone;
        try {
            zone = RecipientTimeZones.ofState(cycle.districtId());
        } catch (RuntimeException unknownState) {
            zone = null;
        }
        return DateTimeFormatter.ofPattern("EEE, MMM d, h:mm a z", Locale.US)
                .format(cycle.stageDeadline().atZone(zone == null ? ZoneId.of("America/New_York") : zone));
    }
}
