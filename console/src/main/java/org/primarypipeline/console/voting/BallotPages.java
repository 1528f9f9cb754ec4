package org.primarypipeline.console.voting;

import java.util.ArrayList;
import java.util.List;
import org.primarypipeline.console.voting.BallotPageModels.Ballot;
import org.primarypipeline.console.voting.BallotPageModels.Check;
import org.primarypipeline.console.voting.BallotPageModels.NomineeRow;
import org.primarypipeline.console.voting.BallotPageModels.Open;
import org.primarypipeline.console.voting.BallotPageModels.ProxySlot;
import org.primarypipeline.console.voting.BallotPageModels.Published;
import org.primarypipeline.console.voting.BallotPageModels.RankChoice;
import org.primarypipeline.cycles.CycleRecord;
import org.primarypipeline.supporters.MemberRepository.ProxyChoice;
import org.primarypipeline.vetting.CandidacyRepository;
import org.primarypipeline.voting.BallotAccess;
import org.primarypipeline.voting.BallotLinks;
import org.primarypipeline.voting.ProxyLists;
import org.primarypipeline.voting.Receipt;
import org.primarypipeline.voting.Receipts;
import org.springframework.stereotype.Component;

/** Reads what the member's ballot pages show and says it in the pages' words. */
@Component
class BallotPages {

    private final BallotService ballots;
    private final BallotAccess access;
    private final Receipts receipts;
    private final CandidacyRepository candidacies;
    private final AssistedSteps assisted;

    BallotPages(
            BallotService ballots,
            BallotAccess access,
            Receipts receipts,
            CandidacyRepository candidacies,
            AssistedSteps assisted) {
        this.assisted = assisted;
        this.ballots = ballots;
        this.access = access;
        this.receipts = receipts;
        this.candidacies = candidacies;
    }

    Open open(String token, BallotAccess.Session session) {
        CycleRecord cycle = ballots.cycle(session.cycleId());
        return new Open(token, cycle.districtId(), access.sessionTtl().toHours());
    }

    Ballot ballot(BallotAccess.Session session, String message, String rankingError, String proxiesError) {
        return ballot(session, message, rankingError, proxiesError, null);
    }

    /** The page, with {@code fresh} the receipt just cast (with its secret), or null. */
    Ballot ballot(
            BallotAccess.Session session, String message, String rankingError, String proxiesError, Receipt fresh) {
        CycleRecord cycle = ballots.cycle(session.cycleId());
        long member = session.memberId();
        boolean open = ballots.roundOpen(cycle);
        Receipt receipt =
                fresh != null ? fresh : ballots.receipt(cycle.id(), member).orElse(null);
        ProxyLists.Lists lists = ballots.proxies(cycle.id(), member);
        return new Ballot(
                "Your ballot: " + cycle.districtId(),
                cycle.id(),
                cycle.districtId(),
                member,
                ballots.memberName(member),
                open,
                BallotLinks.closesAt(cycle),
                open ? null : ballots.closedAt(cycle).map(Object::toString).orElse(null),
                session.formKey(),
                nominees(cycle.id(), member),
                receipt != null,
                receipt,
                describe(lists.standing()),
                lists.override()
                        .map(o -> "your own list for this cycle: " + describe(o))
                        .orElse("your standing list"),
                open,
                slots(lists.effective()),
                message,
                rankingError,
                proxiesError,
                VotingRules.of(
                        cycle.settings(),
                        cycle.districtId(),
                        ballots.electorateCutoff(cycle.id()).orElse(null)),
                assisted(cycle.id(), member, cycle.districtId(), open));
    }

    private BallotPageModels.AssistedHistory assisted(String cycleId, long member, String districtId, boolean open) {
        List<String> steps = assisted.of(cycleId, member, districtId, open);
        return steps.isEmpty() ? null : new BallotPageModels.AssistedHistory(steps);
    }

    private List<NomineeRow> nominees(String cycleId, long member) {
        List<BallotService.Nominee> nominees = ballots.ownBallot(cycleId, member);
        List<NomineeRow> rows = new ArrayList<>();
        for (BallotService.Nominee n : nominees) {
            List<RankChoice> choices = new ArrayList<>();
            for (int rank = 1; rank <= nominees.size(); rank++) {
                choices.add(new RankChoice(rank, n.rank() != null && n.rank() == rank));
            }
            var profile = candidacies.find(cycleId, n.candidacyId());
            rows.add(new NomineeRow(
                    n.candidacyId(),
                    n.name(),
                    choices,
                    profile.map(c -> c.statement()).orElse(null),
                    profile.map(c -> c.photoUrl()).orElse(null)));
        }
        return rows;
    }

    private static List<ProxySlot> slots(List<ProxyChoice> shown) {
        List<ProxySlot> slots = new ArrayList<>();
        for (int slot = 1; slot <= 10; slot++) {
            ProxyChoice p = slot <= shown.size() ? shown.get(slot - 1) : null;
            slots.add(
                    p == null
                            ? new ProxySlot(slot, "", "")
                            : new ProxySlot(slot, Long.toString(p.proxyMemberId()), Integer.toString(p.units())));
        }
        return slots;
    }

    private static String describe(List<ProxyChoice> list) {
        if (list.isEmpty()) {
            return "nobody (your units stay on your own ballot)";
        }
        return String.join(
                ", ",
                list.stream()
                        .map(p -> "member " + p.proxyMemberId() + " (" + p.units() + " units)")
                        .toList());
    }

    /** Anyone may check a receipt once the round is counted; the page names no member and no ranking. */
    Check check(String cycleId, String receipt) {
        ballots.cycle(cycleId);
        Published published = receipts.publication(cycleId)
                .map(p -> {
                    if (receipt == null || receipt.isBlank()) {
                        return new Published(
                                p.chainHead(), chainSummary(p), receipt == null ? "" : receipt, false, false, null);
                    }
                    Receipts.Check c = receipts.check(cycleId, receipt).orElseThrow();
                    String verdict = !c.found()
                            ? "This receipt is not in the chain of cycle " + cycleId + "."
                            : c.counted()
                                    ? "Found as entry #" + c.seq() + " and counted."
                                    : "Found as entry #" + c.seq()
                                            + ", but not counted: a later ballot of the same member " + "replaced it.";
                    return new Published(p.chainHead(), chainSummary(p), receipt, true, c.counted(), verdict);
                })
                .orElse(null);
        return new Check(cycleId, published);
    }

    /** "The chain holds 4 receipts; 3 ballots were counted.": a member who voted again left a receipt per ballot. */
    static String chainSummary(Receipts.Publication p) {
        long receipts = p.chainLength();
        int counted = p.countedBallots();
        String said = "The chain holds " + receipts + (receipts == 1 ? " receipt" : " receipts") + "; " + counted
                + (counted == 1 ? " ballot was" : " ballots were") + " counted.";
        return receipts > counted
                ? said + " A member who voted again has a receipt for each ballot; only the last one counts."
                : said;
    }
}
