package org.primarypipeline.console.supporters;

import java.util.Map;
import org.primarypipeline.console.audit.AuditEntry.Outcome;
import org.primarypipeline.console.audit.AuditLog;
import org.primarypipeline.supporters.Acquaintances;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A signed-in member asks someone of their group, found by name, to confirm that the two know each
 * other. Only someone who lets the member find them may be asked; asking someone who already asked the
 * member confirms their ask (both said so). The member is the asker: the id comes from the session.
 */
@Service
public class AskWeKnowEachOther {

    private final AcquaintanceReadModel reads;
    private final Acquaintances acquaintances;
    private final AuditLog audit;

    public AskWeKnowEachOther(AcquaintanceReadModel reads, Acquaintances acquaintances, AuditLog audit) {
        this.reads = reads;
        this.acquaintances = acquaintances;
        this.audit = audit;
    }

    /** Refused with the key {@code search} when the person is not one the member may find. */
    @Transactional
    public void ask(long memberId, long otherId) {
        if (!reads.findableTo(memberId, otherId)) {
            record(memberId, otherId, Outcome.REFUSED, "not findable by this member");
            throw new NameMyProxies.Refused(Map.of("search", "trust.error.not-findable"));
        }
        if (acquaintances.confirm(otherId, memberId)) {
            record(memberId, otherId, Outcome.DONE, "confirmed the other's ask");
            return;
        }
        boolean asked = acquaintances.ask(memberId, otherId);
        record(memberId, otherId, Outcome.DONE, asked ? "asked" : "already asked");
    }

    private void record(long memberId, long otherId, Outcome outcome, String detail) {
        audit.record(
                "member " + memberId,
                "MEMBER",
                "member.acquaintance.asked",
                Long.toString(memberId),
                outcome,
                detail,
                Map.of(),
                Map.of("asked", Long.toString(otherId)));
    }
}
