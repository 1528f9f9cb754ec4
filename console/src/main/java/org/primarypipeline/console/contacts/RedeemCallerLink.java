package org.primarypipeline.console.contacts;

import org.primarypipeline.console.audit.AuditEntry.Outcome;
import org.primarypipeline.console.audit.AuditLog;
import org.primarypipeline.contacts.CallerLinks;
import org.springframework.stereotype.Service;

/**
 * A guest caller follows their one-time event link: the first press of its button spends it and opens a
 * guest session (no member, ever) that reaches only the campaign's call page until the link's expiry. A
 * second press, or an expired link, opens nothing. The opening is audited; the token never is.
 */
@Service
public class RedeemCallerLink {

    private final CallerLinks links;
    private final AuditLog audit;

    public RedeemCallerLink(CallerLinks links, AuditLog audit) {
        this.links = links;
        this.audit = audit;
    }

    /** What the link is, without spending it (a GET, as a mail scanner sends). */
    public CallerLinks.Peek peek(String token) {
        return links.peek(token);
    }

    public CallerLinks.Opened open(String token) {
        CallerLinks.Opened opened = links.open(token);
        if (opened.state() == CallerLinks.State.VALID) {
            audit.record(
                    "guest " + opened.callerName(),
                    "guest caller",
                    "contacts.caller-link.open",
                    "caller link " + opened.linkId(),
                    Outcome.DONE,
                    "guest caller session opened for campaign " + opened.cycleId(),
                    null,
                    null);
        }
        return opened;
    }
}
