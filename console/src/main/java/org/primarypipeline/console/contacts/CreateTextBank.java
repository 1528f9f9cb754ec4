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
        Universe universe =
                OrganizerInput.universe(universes, cycleId, r.universeId(), Universe.Channel.SMS, "a text bank");
        String name = OrganizerInput.name(r.name(), "a text bank");
        if (r.initialMessage() == null
                || r.initialMessage().isBlank()
                || r.initialMessage().length() > 640) {
            throw new IllegalArgumentException("the initial message is 1 to 640 characters");
        }
        MergeFields.check(r.initialMessage());
        List<String> canned = OrganizerInput.lines(r.canned(), 10, 320, "canned answers");
        List<String> questions = OrganizerInput.lines(r.questions(), 10, 200, "survey questions");
        long id = texts.create(universe, name, r.initialMessage(), canned, questions, who.getUsername());
        long count = universes.count(universe);
        audit.record(
                who.getUsername(),
                who.role().label(),
                "contacts.text-bank.create",
                "campaign " + cycleId,
                Outcome.DONE,
                "text bank '" + name + "' on universe " + universe.id() + " (" + count + " contacts now)",
                null,
                new Created(id, universe.id(), r.initialMessage(), canned));
        return new Result(id, count);
    }

    record Created(long bank, long universe, String initialMessage, List<String> canned) {}
}
