package org.primarypipeline.console.voting;

import java.util.List;
import java.util.Locale;
import org.primarypipeline.console.audit.AuditEntry.Outcome;
import org.primarypipeline.console.audit.AuditLog;
import org.primarypipeline.console.users.Permissions;
import org.primarypipeline.console.users.Right;
import org.primarypipeline.console.users.StaffUser;
import org.primarypipeline.cycles.CycleRecord;
import org.primarypipeline.outreach.Channel;
import org.primarypipeline.outreach.Outbox;
import org.primarypipeline.platform.links.PublicLinks;
import org.primarypipeline.supporters.MemberRepository.ProxyChoice;
import org.primarypipeline.voting.AssistedBallotMessage;
import org.primarypipeline.voting.AssistedBallots;
import org.primarypipeline.voting.ProxyLists;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one door through which staff enter a ballot (a ranking, proxies or both) for a member who asked
 * for help, by phone say: the right to steer cycles, the same checks the member's own ballot meets, the
 * entry stored pending (nothing in the receipt chain), and a link to confirm or void it sent to the
 * member's email, or phone without one, through the outbox. The page, the REST API and {@code pp vote}
 * / {@code pp members proxies} all come here; only the member's confirmation ({@link
 * AnswerAssistedBallot}) makes it count. Entering and sending are each audited; the ranking is not
 * written to the audit log.
 */
@Service
public class EnterAssistedBallot {

    /** What was entered: the entry, how its link went, and the pending entry it replaced (or null). */
    public record Entered(long id, String cycleId, long memberId, Channel sentBy, Long replaced) {}

    private final Permissions permissions;
    private final AuditLog audit;
    private final BallotService ballots;
    private final ProxyLists proxyLists;
    private final AssistedBallots assisted;
    private final Outbox outbox;
    private final PublicLinks links;
    private final TransactionTemplate transactions;

    public EnterAssistedBallot(
            Permissions permissions,
            AuditLog audit,
            BallotService ballots,
            ProxyLists proxyLists,
            AssistedBallots assisted,
            Outbox outbox,
            PublicLinks links,
            TransactionTemplate transactions) {
        this.permissions = permissions;
        this.audit = audit;
        this.ballots = ballots;
        this.proxyLists = proxyLists;
        this.assisted = assisted;
        this.outbox = outbox;
        this.links = links;
        this.transactions = transactions;
    }

    /**
     * {@code ranking} candidacy ids, first choice first, or null; {@code proxies} the list, or null for
     * no change; {@code scope} "standing" or "cycle" (default) for the list; {@code note} how the member
     * asked.
     */
    public Entered perform(
            StaffUser who,
            String cycleId,
            long memberId,
            List<Long> ranking,
            List<ProxyChoice> proxies,
            String scope,
            String note) {
        String target = cycleId + "/member " + memberId;
        permissions.require(who, Right.STEER_CYCLES, "ballot.assisted.enter", target);
        AssistedBallots.Entered entered;
        try {
            // after the permission check, so someone without the right learns nothing from the answer
            require(
                    cycleId != null && !cycleId.isBlank(),
                    "cycleId is needed: what staff enter is an assisted ballot for an open round, which the member"
                            + " confirms by the link sent to them");
            require(ranking != null || proxies != null, "enter a ranking, proxies or both for the member");
            require(note == null || note.length() <= 200, "the note is at most 200 characters");
            AssistedBallots.Scope listScope = scope(scope);
            ballots.checkBallot(cycleId, memberId, ranking);
            if (proxies != null) {
                proxyLists.validate(memberId, proxies);
            }
            CycleRecord cycle = ballots.cycle(cycleId);
            entered = transactions.execute(tx -> {
                AssistedBallots.Entered e = assisted.enter(
                        cycleId,
                        memberId,
                        ranking,
                        proxies,
                        listScope,
                        who.getUsername(),
                        note == null ? "" : note.strip());
                outbox.enqueue(AssistedBallotMessage.of(cycle, e, links.url("/ballot/assisted/" + e.token())));
                return e;
            });
        } catch (IllegalArgumentException | IllegalStateException refused) {
            audit.record(
                    who.getUsername(),
                    who.role().label(),
                    "ballot.assisted.enter",
                    target,
                    Outcome.REFUSED,
                    refused.getMessage(),
                    null,
                    null);
            throw refused;
        }
        long id = entered.entry().id();
        audit.record(
                who.getUsername(),
                who.role().label(),
                "ballot.assisted.enter",
                target,
                Outcome.DONE,
                "assisted ballot " + id + " entered at the member's request"
                        + (entered.entry().note().isEmpty()
                                ? ""
                                : " (" + entered.entry().note() + ")")
                        + (entered.replaced() == null ? "" : "; replaces pending entry " + entered.replaced())
                        + "; it counts only once the member confirms it",
                null,
                null);
        audit.record(
                who.getUsername(),
                who.role().label(),
                "ballot.assisted.sent",
                target,
                Outcome.DONE,
                "link to confirm or void assisted ballot " + id + " queued by "
                        + (entered.entry().channel() == Channel.EMAIL ? "email" : "text message"),
                null,
                null);
        return new Entered(id, cycleId, memberId, entered.entry().channel(), entered.replaced());
    }

    private static AssistedBallots.Scope scope(String scope) {
        if (scope == null || scope.isBlank()) {
            return AssistedBallots.Scope.CYCLE;
        }
        return switch (scope.strip().toLowerCase(Locale.ROOT)) {
            case "cycle" -> AssistedBallots.Scope.CYCLE;
            case "standing" -> AssistedBallots.Scope.STANDING;
            default -> throw new IllegalArgumentException("proxyScope is standing or cycle, not " + scope.strip());
        };
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
