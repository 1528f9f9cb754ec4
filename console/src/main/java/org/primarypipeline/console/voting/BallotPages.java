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
import org.primarypipeline.console.web.i18n.Language;
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

    Open open(String token, BallotAccess.Session session, Language language) {
        CycleRecord cycle = ballots.cycle(session.cycleId());
        return new Open(
                token,
                cycle.districtId(),
                access.sessionTtl().toHours(),
                BallotWords.say(language, "ballot.default-title"));
    }

    Ballot ballot(
            BallotAccess.Session session, String message, String rankingError, String proxiesError, Language language) {
        return ballot(session, message, rankingError, proxiesError, null, language);
    }

    /** The page, with {@code fresh} the receipt just cast (with its secret), or null. */
    Ballot ballot(
            BallotAccess.Session session,
            String message,
            String rankingError,
            String proxiesError,
            Receipt fresh,
            Language language) {
        CycleRecord cycle = ballots.cycle(session.cycleId());
        long member = session.memberId();
        boolean open = ballots.roundOpen(cycle);
        Receipt receipt =
                fresh != null ? fresh : ballots.receipt(cycle.id(), member).orElse(null);
        ProxyLists.Lists lists = ballots.proxies(cycle.id(), member);
        return new Ballot(
                BallotWords.say(language, "ballot.heading", "districtId", cycle.districtId()),
                cycle.id(),
                cycle.districtId(),
                member,
                ballots.memberName(member),
                open,
                closesAt(cycle, language),
                open ? null : ballots.closedAt(cycle).map(Object::toString).orElse(null),
                session.formKey(),
                nominees(cycle.id(), member),
                receipt != null,
                receipt,
                describe(lists.standing(), language),
                lists.override()
                        .map(o -> BallotWords.say(language, "ballot.own-list", "list", describe(o, language)))
                        .orElse(BallotWords.say(language, "ballot.standing-list")),
                open,
                slots(lists.effective()),
                message,
                rankingError,
                proxiesError,
                VotingRules.of(
                        cycle.settings(),
                        cycle.districtId(),
                        ballots.electorateCutoff(cycle.id()).orElse(null),
                        language),
                assisted(cycle.id(), member, cycle.districtId(), open, language));
    }

    /** When voting closes, in the district's time, as the page's language writes a date. */
    private static String closesAt(CycleRecord cycle, Language language) {
        if (language == Language.EN) {
            return BallotLinks.closesAt(cycle);
        }
        return cycle.stageDeadline() == null
                ? BallotWords.say(language, "ballot.closes-unset")
                : BallotWords.say(
                        language,
                        "ballot.closes-on",
                        "at",
                        AssistedSteps.at(cycle.stageDeadline(), cycle.districtId(), language));
    }

    private BallotPageModels.AssistedHistory assisted(
            String cycleId, long member, String districtId, boolean open, Language language) {
        List<String> steps = assisted.of(cycleId, member, districtId, open, language);
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

    /** A proxy list in words; the assisted ballot's page says what staff entered the same way. */
    static String describe(List<ProxyChoice> list, Language language) {
        if (list.isEmpty()) {
            return BallotWords.say(language, "ballot.proxies-nobody");
        }
        return String.join(
                ", ",
                list.stream()
                        .map(p -> BallotWords.say(
                                language, "ballot.proxy-units", "member", p.proxyMemberId(), "units", p.units()))
                        .toList());
    }

    /** Anyone may check a receipt once the round is counted; the page names no member and no ranking. */
    Check check(String cycleId, String receipt, Language language) {
        ballots.cycle(cycleId);
        Published published = receipts.publication(cycleId)
                .map(p -> {
                    if (receipt == null || receipt.isBlank()) {
                        return new Published(
                                p.chainHead(),
                                chainSummary(p, language),
                                receipt == null ? "" : receipt,
                                false,
                                false,
                                null);
                    }
                    Receipts.Check c = receipts.check(cycleId, receipt).orElseThrow();
                    String verdict = BallotWords.say(
                            language,
                            !c.found()
                                    ? "ballot.verdict-missing"
                                    : c.counted() ? "ballot.verdict-counted" : "ballot.verdict-replaced",
                            "cycleId",
                            cycleId,
                            "seq",
                            c.seq());
                    return new Published(p.chainHead(), chainSummary(p, language), receipt, true, c.counted(), verdict);
                })
                .orElse(null);
        return new Check(cycleId, published, BallotWords.say(language, "ballot.check-title"));
    }

    /** "The chain holds 4 receipts; 3 ballots were counted.": a member who voted again left a receipt per ballot. */
    static String chainSummary(Receipts.Publication p, Language language) {
        long receipts = p.chainLength();
        int counted = p.countedBallots();
        String said = BallotWords.say(
                        language, receipts == 1 ? "ballot.chain-one" : "ballot.chain-many", "receipts", receipts)
                + BallotWords.say(
                        language, counted == 1 ? "ballot.counted-one" : "ballot.counted-many", "counted", counted);
        return receipts > counted ? said + " " + BallotWords.say(language, "ballot.chain-voted-again") : said;
    }
}
