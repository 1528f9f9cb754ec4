package org.primarypipeline.console.supporters;

import java.util.Locale;
import java.util.Map;
import org.primarypipeline.console.audit.AuditEntry.Outcome;
import org.primarypipeline.console.audit.AuditLog;
import org.primarypipeline.supporters.Acquaintances;
import org.primarypipeline.supporters.Acquaintances.Findable;
import org.primarypipeline.supporters.Acquaintances.Privacy;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A signed-in member chooses who may find them by name in their group (the group, the people they are
 * connected to, nobody) and whether the people they name as proxies see their name; audited with the
 * choice before and after. The member acts on themselves only: the id comes from the session.
 */
@Service
public class ChangeMyPrivacy {

    private final Acquaintances acquaintances;
    private final AuditLog audit;

    public ChangeMyPrivacy(Acquaintances acquaintances, AuditLog audit) {
        this.acquaintances = acquaintances;
        this.audit = audit;
    }

    /** Refused with the key {@code findable} when the choice is none of the three. */
    @Transactional
    public void change(long memberId, String findable, boolean nameShownToProxies) {
        Findable choice;
        try {
            choice = Findable.valueOf(findable == null ? "" : findable.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new NameMyProxies.Refused(Map.of("findable", "me.error.findable"));
        }
        Privacy before = acquaintances.privacy(memberId);
        Privacy after = new Privacy(choice, nameShownToProxies);
        acquaintances.privacy(memberId, after);
        audit.record(
                "member " + memberId,
                "MEMBER",
                "member.privacy.changed",
                Long.toString(memberId),
                Outcome.DONE,
                "findable by " + choice.name().toLowerCase(Locale.ROOT)
                        + (nameShownToProxies ? ", name shown to proxies" : ", name kept from proxies"),
                Map.of(
                        "findable",
                        before.findable().name(),
                        "nameShown",
                        Boolean.toString(before.nameShownToProxies())),
                Map.of("findable", choice.name(), "nameShown", Boolean.toString(nameShownToProxies)));
    }
}
