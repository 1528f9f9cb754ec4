package org.primarypipeline.console.contacts;

import java.util.List;
import java.util.Map;
import org.primarypipeline.console.audit.AuditEntry.Outcome;
import org.primarypipeline.console.audit.AuditLog;
import org.primarypipeline.console.users.StaffUser;
import org.primarypipeline.contacts.PhoneBanks;
import org.primarypipeline.contacts.Universe;
import org.primarypipeline.contacts.Universes;
import org.springframework.stereotype.Service;

/**
 * An organizer builds a call packet from a universe of the campaign: who it holds now, a script with merge
 * fields ({@code {{firstName}}}, {@code {{fullName}}}, {@code {{volunteerName}}}, {@code {{candidateName}}},
 * {@code {{districtId}}}, {@code {{precinct}}}) and survey questions. Volunteers then call from it at
 * {@code /me/call/{campaign}}, the newest open packet of the campaign.
 */
@Service
public class BuildCallPacket {

    public record Request(long universeId, String name, String script, List<String> questions) {}

    public record Result(long packetId, long contacts) {}

    private final CampaignScope scope;
    private final Universes universes;
    private final PhoneBanks phoneBanks;
    private final AuditLog audit;

    public BuildCallPacket(CampaignScope scope, Universes universes, PhoneBanks phoneBanks, AuditLog audit) {
        this.scope = scope;
        this.universes = universes;
        this.phoneBanks = phoneBanks;
        this.audit = audit;
    }

    public Result perform(StaffUser who, String cycleId, Request r) {
        scope.require(who, cycleId, "contacts.packet.build");
        Universe universe =
                OrganizerInput.universe(universes, cycleId, r.universeId(), Universe.Channel.PHONE, "a call packet");
        String name = OrganizerInput.name(r.name(), "a packet");
        if (r.script() == null || r.script().isBlank() || r.script().length() > 5000) {
            throw new IllegalArgumentException("a packet needs a script of at most 5,000 characters");
        }
        List<String> questions = OrganizerInput.lines(r.questions(), 10, 200, "survey questions");
        MergeFields.check(r.script());
        long[] built = phoneBanks.build(universe, name, r.script(), questions, who.getUsername());
        audit.record(
                who.getUsername(),
                who.role().label(),
                "contacts.packet.build",
                "campaign " + cycleId,
                Outcome.DONE,
                "packet '" + name + "' with " + built[1] + " contacts from universe " + universe.id(),
                null,
                Map.of("packet", built[0], "universe", universe.id(), "contacts", built[1], "questions", questions));
        return new Result(built[0], built[1]);
    }
}
