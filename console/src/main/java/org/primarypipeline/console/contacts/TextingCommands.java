package org.primarypipeline.console.contacts;

import org.primarypipeline.console.audit.AuditEntry.Outcome;
import org.primarypipeline.console.audit.AuditLog;
import org.primarypipeline.contacts.TextBanks;

/** What the texting commands share: the caller's name on the audit log, and the audit entry itself. */
final class TextingCommands {

    private TextingCommands() {}

    static String actor(long memberId) {
        return "member:" + memberId;
    }

    static void audited(
            AuditLog audit, long memberId, String action, String target, boolean done, String detail, Object after) {
        audit.record(
                actor(memberId), "member", action, target, done ? Outcome.DONE : Outcome.REFUSED, detail, null, after);
    }

    static TextBanks.TextBank open(TextBanks texts, String cycleId) {
        return texts.openBank(cycleId)
                .orElseThrow(() -> new IllegalArgumentException("no texts to send in this campaign now"));
    }
}
