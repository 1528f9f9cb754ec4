package org.primarypipeline.console.contacts;

import java.util.List;
import org.primarypipeline.console.audit.AuditEntry.Outcome;
import org.primarypipeline.console.audit.AuditLog;
import org.primarypipeline.console.users.StaffUser;
import org.primarypipeline.contacts.TextBanks;
import org.primarypipeline.contacts.Universe;
import org.primarypipeline.contacts.Universes;
import org.springframework.stereotype.Service;

/** An organizer opens a text bank on an SMS universe: the initial message (merge fields) and canned answers. */
@Service
public class CreateTextBank {

    public record Request(
            long universeId, String name, String initialMessage, List<String> canned, List<String> questions) {}

    public record Result(long bankId, long contacts) {}

    private final CampaignScope scope;
    private final Universes universes;
    private final TextBanks texts;
    private final AuditLog audit;

    public CreateTextBank(CampaignScope scope, Universes universes, TextBanks texts, AuditLog audit) {
        this.scope = scope;
        this.universes = universes;
        this.texts = texts;
        this.audit = audit;
    }

    public Result perform(StaffUser who, String cycleId, Request r) {
        scope.require(who, cycleId, "contacts.text-bank.create");
        Universe universe = universes
                .find(r.universeId())
                .filter(u -> u.cycleId().equals(cycleId) && u.channel() == Universe.Channel.SMS)
                .orElseThrow(
                        () -> new IllegalArgumentException("no SMS universe " + r.universeId() + " in this campaign"));
        if (r.name() == null || r.name().isBlank() || r.name().length() > 120) {
            throw new IllegalArgumentException("a text bank needs a name of at most 120 characters");
        }
        if (r.initialMessage() == null
                || r.initialMessage().isBlank()
                || r.initialMessage().length() > 640) {
            throw new IllegalArgumentException("the initial message is 1 to 640 characters");
        }
        MergeFields.check(r.initialMessage());
        List<String> canned = r.canned() == null
                ? List.of()
                : r.canned().stream()
                        .filter(c -> !c.isBlank())
                        .map(String::trim)
                        .toList();
        if (canned.size() > 10 || canned.stream().anyMatch(c -> c.length() > 320)) {
            throw new IllegalArgumentException("at most 10 canned answers of at most 320 characters each");
        }
        List<String> questions = r.questions() == null
                ? List.of()
                : r.questions().stream()
                        .filter(q -> !q.isBlank())
                        .map(String::trim)
                        .toList();
        if (questions.size() > 10 || questions.stream().anyMatch(q -> q.length() > 200)) {
            throw new IllegalArgumentException("at most 10 survey questions of at most 200 characters each");
        }
        long id = texts.create(universe, r.name().trim(), r.initialMessage(), canned, questions, who.getUsername());
        long count = universes.count(universe);
        audit.record(
                who.getUsername(),
                who.role().label(),
                "contacts.text-bank.create",
                "campaign " + cycleId,
                Outcome.DONE,
                "text bank '" + r.name().trim() + "' on universe " + universe.id() + " (" + count + " contacts now)",
                null,
                new Created(id, universe.id(), r.initialMessage(), canned));
        return new Result(id, count);
    }

    record Created(long bank, long universe, String initialMessage, List<String> canned) {}
}
