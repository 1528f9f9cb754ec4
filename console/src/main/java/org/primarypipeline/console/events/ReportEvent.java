package org.primarypipeline.console.events;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.primarypipeline.campaigns.events.EventRecord;
import org.primarypipeline.campaigns.events.EventStore;
import org.primarypipeline.console.audit.AuditEntry.Outcome;
import org.primarypipeline.console.audit.AuditLog;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The host reports how their event went (attendance, calls made, doors knocked, texts sent), once it has
 * started; a report with attendance makes them a trusted host, whose next events publish at once. The
 * workflow is told, so the follow-up need not wait.
 */
@Service
public class ReportEvent {

    static final int MAX = 1_000_000;

    private final HostedEvents hosted;
    private final EventStore store;
    private final AuditLog audit;
    private final EventWorkflows workflows;
    private final TransactionTemplate transaction;
    private final Clock clock;

    public ReportEvent(
            HostedEvents hosted,
            EventStore store,
            AuditLog audit,
            EventWorkflows workflows,
            TransactionTemplate transaction,
            Clock clock) {
        this.hosted = hosted;
        this.store = store;
        this.audit = audit;
        this.workflows = workflows;
        this.transaction = transaction;
        this.clock = clock;
    }

    public void perform(long hostMemberId, long eventId, String attended, String calls, String doors, String texts) {
        EventRecord event = hosted.of(hostMemberId, eventId);
        if (!event.published()) {
            throw EventRefused.of("form", "events.error.not-open");
        }
        if (event.startsAt().isAfter(clock.instant())) {
            throw EventRefused.of("form", "events.error.not-started");
        }
        Map<String, String> problems = new LinkedHashMap<>();
        int a = count("attended", attended, problems);
        int c = count("calls", calls, problems);
        int d = count("doors", doors, problems);
        int t = count("texts", texts, problems);
        if (!problems.isEmpty()) {
            throw new EventRefused(problems);
        }
        transaction.executeWithoutResult(tx -> {
            store.report(eventId, a, c, d, t, clock.instant());
            boolean nowTrusted = a > 0 && store.markTrusted(hostMemberId, "REPORTED_EVENT", null);
            audit.record(
                    "member " + hostMemberId,
                    "MEMBER",
                    "event.reported",
                    Long.toString(eventId),
                    Outcome.DONE,
                    a + " attended" + (nowTrusted ? "; the host is now a trusted host" : ""),
                    event.attended() == null ? null : Map.of("attended", event.attended()),
                    Map.of("attended", a, "calls", c, "doors", d, "texts", t));
        });
        workflows.reported(eventId);
    }

    private static int count(String field, String text, Map<String, String> problems) {
        if (text == null || text.isBlank()) {
            return 0;
        }
        Integer n = ProposeEvent.number(text);
        if (n == null || n > MAX) {
            problems.put(field, "events.error.count");
            return 0;
        }
        return n;
    }
}
