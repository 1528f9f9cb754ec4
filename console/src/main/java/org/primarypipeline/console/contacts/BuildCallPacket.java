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
        Universe universe = universes
                .find(r.universeId())
                .filter(u -> u.cycleId().equals(cycleId))
                .orElseThrow(() -> new IllegalArgumentException("no universe " + r.universeId() + " in this campaign"));
        if (universe.channel() != Universe.Channel.PHONE) {
            throw new IllegalArgumentException("a call packet is built from a PHONE universe");
        }
        if (r.name() == null || r.name().isBlank() || r.name().length() > 120) {
            throw new IllegalArgumentException("a packet needs a name of at most 120 characters");
        }
        if (r.script() == null || r.script().isBlank() || r.script().length() > 5000) {
            throw new IllegalArgumentException("a packet needs a script of at most 5,000 characters");
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
        MergeFields.check(r.script());
        long[] built = phoneBanks.build(universe, r.name().trim(), r.script(), questions, who.getUsername());
        audit.record(
                who.getUsername(),
                who.role().label(),
                "contacts.packet.build",
                "campaign " + cycleId,
                Outcome.DONE,
                "packet '" + r.name().trim() + "' with " + built[1] + " contacts from universe " + universe.id(),
                null,
                Map.of("packet", built[0], "universe", universe.id(), "contacts", built[1], "questions", questions));
        return new Result(built[0], built[1]);
    }
}
