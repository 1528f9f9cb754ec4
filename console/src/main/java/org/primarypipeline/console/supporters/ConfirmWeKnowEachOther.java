package org.primarypipeline.console.supporters;

import java.util.Map;
import org.primarypipeline.console.audit.AuditEntry.Outcome;
import org.primarypipeline.console.audit.AuditLog;
import org.primarypipeline.supporters.Acquaintances;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A signed-in member confirms that they know someone of their group who asked them: the two are then
 * connected, and each may name the other as a proxy. Only an open ask addressed to the member (the id
 * from the session) can be confirmed.
 */
@Service
public class ConfirmWeKnowEachOther {

    private final AcquaintanceReadModel reads;
    private final Acquaintances acquaintances;
    private final AuditLog audit;

    public ConfirmWeKnowEachOther(AcquaintanceReadModel reads, Acquaintances acquaintances, AuditLog audit) {
        this.reads = reads;
        this.acquaintances = acquaintances;
        this.audit = audit;
    }

    /** Refused with the key {@code asks} when that person has no open ask to the member in their group. */
    @Transactional
    public void confirm(long memberId, long askerId) {
        if (!reads.sameGroup(memberId, askerId) || !acquaintances.confirm(askerId, memberId)) {
            record(memberId, askerId, Outcome.REFUSED, "no open ask from this member");
            throw new NameMyProxies.Refused(Map.of("asks", "trust.error.no-ask"));
        }
        record(memberId, askerId, Outcome.DONE, "we know each other");
    }

    private void record(long memberId, long askerId, Outcome outcome, String detail) {
        audit.record(
                "member " + memberId,
                "MEMBER",
                "member.acquaintance.confirmed",
                Long.toString(memberId),
                outcome,
                detail,
                Map.of(),
                Map.of("asker", Long.toString(askerId)));
    }
}
