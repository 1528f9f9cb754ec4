package org.primarypipeline.console.cycles;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.primarypipeline.console.campaigns.CampaignPanels;
import org.primarypipeline.console.users.Right;
import org.primarypipeline.console.users.StaffUser;
import org.primarypipeline.console.web.Format;
import org.primarypipeline.console.web.Paging;
import org.primarypipeline.core.cycle.CycleStage;
import org.primarypipeline.core.cycle.CycleStatus;
import org.primarypipeline.core.money.Money;
import org.primarypipeline.cycles.CycleEvent;
import org.primarypipeline.cycles.CycleRecord;
import org.primarypipeline.cycles.CycleRepository;
import org.primarypipeline.fundraising.FinanceReports;
import org.primarypipeline.vetting.Candidacy;
import org.primarypipeline.vetting.CandidacyRepository;
import org.primarypipeline.workflows.cycle.CycleView;
import org.springframework.stereotype.Component;

/**
 * Puts the cycle pages' models (and the API's view of a cycle) together from the workflow's live view,
 * PostgreSQL's record and the read model.
 */
@Component
public class CyclePages {

    static final int PAGE_SIZE = 25;

    private final CycleService cycles;
    private final CycleRepository records;
    private final CandidacyRepository candidacies;
    private final CycleReadModel reads;
    private final FinanceReports finance;
    private final CycleStatePanels state;
    private final Format format;
    private final Clock clock;
    private final CampaignPanels campaigns;

    public CyclePages(
            CycleService cycles,
            CycleRepository records,
            CandidacyRepository candidacies,
            CycleReadModel reads,
            FinanceReports finance,
            CycleStatePanels state,
            Format format,
            Clock clock,
            CampaignPanels campaigns) {
        this.cycles = cycles;
        this.records = records;
        this.candidacies = candidacies;
        this.reads = reads;
        this.finance = finance;
        this.state = state;
        this.format = format;
        this.clock = clock;
        this.campaigns = campaigns;
    }

    public CycleListPage list(CycleReadModel.Filter filter, int page, HttpServletRequest request) {
        Paging paging = Paging.of(request, "page", page, PAGE_SIZE, reads.count(filter));
        Instant now = clock.instant();
        List<CycleListPage.Row> rows = reads.list(filter, PAGE_SIZE, paging.offset()).stream()
                .map(c -> new CycleListPage.Row(
                        c.id(),
                        c.districtId(),
                        c.status().name().toLowerCase(),
                        c.stage().title(),
                        c.deadline() == null ? "" : format.when(c.deadline()),
                        c.deadline() == null ? "" : Format.timeLeft(c.deadline(), now),
                        c.createdBy(),
                        format.when(c.createdAt())))
                .toList();
        return new CycleListPage(
                "Cycles",
                rows,
                paging,
                filter.text() == null ? "" : filter.text(),
                choices(filter.status(), CycleStatus.values()),
                choices(filter.stage(), CycleStage.values()));
    }

    public CyclePage show(String cycleId, int events, int nomineesPage, StaffUser user, HttpServletRequest request) {
        CycleRecord cycle = cycles.find(cycleId);
        CycleView live = cycles.view(cycleId).orElse(null);
        List<Candidacy> nominees = candidacies.ofCycle(cycleId);
        Map<Long, String> names = names(nominees);
        CycleStage stage = live != null ? live.stage() : cycle.stage();
        boolean running =
                cycle.status() == CycleStatus.RUNNING && (live == null || live.status() == CycleStatus.RUNNING);
        boolean steer = user.can(Right.STEER_CYCLES) && running;

        Paging nomineePaging = Paging.of(request, "nomineesPage", nomineesPage, PAGE_SIZE, nominees.size());
        CycleReadModel.Turnout turnout = reads.turnout(cycleId);
        List<CycleEvent> timeline = records.timeline(cycleId);
        List<CycleEvent> newestFirst = new ArrayList<>(timeline);
        Collections.reverse(newestFirst);
        Paging timelinePaging = Paging.of(request, "events", events, PAGE_SIZE, newestFirst.size());
        return new CyclePage(
                "Cycle " + cycle.id(),
                summary(cycle),
                reads.sittingMember(cycle.districtId()).orElse("vacant seat"),
                state.live(cycle, live, names, user.getUsername()),
                CycleStatePanels.steps(stage, cycle.status()),
                CycleStatePanels.actions(cycle, live, stage, steer, user.getUsername()),
                !user.can(Right.STEER_CYCLES),
                NomineeRows.of(page(nominees, nomineePaging), stage, steer),
                nomineePaging,
                reads.sending(cycleId),
                turnout.electorate() > 0 || !turnout.days().isEmpty() ? ResultPanels.turnout(turnout) : null,
                reads.result(cycleId).map(r -> ResultPanels.result(r, names)).orElse(null),
                timeline.stream()
                        .filter(e -> e.kind().startsWith("RECOUNT_"))
                        .map(e -> new CyclePage.Recount(
                                format.when(e.at()),
                                e.actor(),
                                e.detail(),
                                e.kind().equals("RECOUNT_MATCHED")))
                        .toList(),
                stage.isAfter(CycleStage.VOTING_ROUND),
                fundraiser(cycleId, user),
                cycle.status() == CycleStatus.RUNNING
                        ? "The fundraiser is created when the winner is certified."
                        : "No fundraiser was launched for this cycle.",
                page(newestFirst, timelinePaging).stream()
                        .map(e -> new CyclePage.Event(
                                format.shortWhen(e.at()),
                                stageTitle(e.stage()),
                                e.kind(),
                                format.text(e.detail()),
                                e.actor()))
                        .toList(),
                timelinePaging,
                campaigns.of(cycleId, user));
    }

    /** The live panel, and the stage and status it shows (the page redraws itself when they moved on). */
    public record Live(CyclePage.LiveFragment fragment, CycleStage stage, CycleStatus status) {}

    /** The API's view of one cycle. */
    public CycleDetails details(String cycleId) {
        return new CycleDetails(
                cycles.find(cycleId),
                cycles.view(cycleId).orElse(null),
                candidacies.ofCycle(cycleId),
                reads.storedResult(cycleId).orElse(null),
                records.timeline(cycleId));
    }

    public Live live(String cycleId, StaffUser user) {
        CycleRecord cycle = cycles.find(cycleId);
        CycleView live = cycles.view(cycleId).orElse(null);
        CyclePage.Live panel = state.live(cycle, live, names(candidacies.ofCycle(cycleId)), user.getUsername());
        return new Live(
                new CyclePage.LiveFragment(new CyclePage.Id(cycle.id()), panel),
                live != null ? live.stage() : cycle.stage(),
                live != null ? live.status() : cycle.status());
    }

    private CyclePage.Fundraiser fundraiser(String cycleId, StaffUser user) {
        return reads.fundraiserOf(cycleId)
                .flatMap(finance::progress)
                .map(f -> new CyclePage.Fundraiser(
                        f.fundraiserId(),
                        f.title(),
                        f.status().toLowerCase(),
                        "ON".equals(f.payments()) ? "taking donations" : "off: Stripe is not configured yet",
                        Money.dollars(f.goalCents()),
                        Money.dollars(f.raisedCents()),
                        f.donors(),
                        user.can(Right.SIGN_OFF_FINANCE) ? "/finance/fundraisers/" + f.fundraiserId() : null))
                .orElse(null);
    }

    private CyclePage.Summary summary(CycleRecord cycle) {
        var s = cycle.settings();
        String settings = "vetting " + Format.span(s.vettingPeriod())
                + ", nomination " + Format.span(s.nominationPeriod())
                + ", voting " + Format.span(s.votingPeriod()) + "; " + s.policy() + ", " + s.method()
                + "; quorum " + Format.percent(s.quorumShare().doubleValue()) + ", recount under "
                + Format.percent(s.recountMargin().doubleValue()) + " margin; goal "
                + Money.dollars(s.fundraiserGoalCents());
        return new CyclePage.Summary(
                cycle.id(),
                cycle.districtId(),
                cycle.createdBy(),
                format.when(cycle.createdAt()),
                settings,
                cycle.failureReason() == null ? "" : cycle.failureReason());
    }

    private static Map<Long, String> names(List<Candidacy> nominees) {
        Map<Long, String> names = new HashMap<>();
        nominees.forEach(c -> names.put(c.id(), c.fullName()));
        return names;
    }

    private static <T> List<T> page(List<T> all, Paging paging) {
        return all.subList(paging.offset(), Math.min(all.size(), paging.offset() + PAGE_SIZE));
    }

    private static String stageTitle(String stage) {
        try {
            return CycleStage.valueOf(stage).title();
        } catch (IllegalArgumentException e) {
            return stage;
        }
    }

    private static <E extends Enum<E>> List<CycleListPage.Choice> choices(E selected, E[] values) {
        List<CycleListPage.Choice> list = new ArrayList<>();
        for (E e : values) {
            String label = e instanceof CycleStage s ? s.title() : e.name().toLowerCase();
            list.add(new CycleListPage.Choice(e.name(), label, e == selected));
        }
        return list;
    }
}
