package org.primarypipeline.console.campaigns;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.primarypipeline.campaigns.CandidatePageData;
import org.primarypipeline.console.campaigns.CandidatePageModels.EventItem;
import org.primarypipeline.console.campaigns.CandidatePageModels.Flyer;
import org.primarypipeline.console.campaigns.CandidatePageModels.Fund;
import org.primarypipeline.console.campaigns.CandidatePageModels.Item;
import org.primarypipeline.console.campaigns.CandidatePageModels.Og;
import org.primarypipeline.console.campaigns.CandidatePageModels.Page;
import org.primarypipeline.console.campaigns.CandidatePageModels.Toolkit;
import org.primarypipeline.console.web.i18n.Language;
import org.primarypipeline.console.web.i18n.PageTexts;
import org.primarypipeline.core.money.Money;
import org.primarypipeline.fundraising.FinanceReports;
import org.primarypipeline.platform.links.PublicLinks;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The candidate page's models in the page's language: dates as people write them ("March 3, 2026",
 * "3 de marzo de 2026"), never ISO; event times in the event's own zone.
 */
@Component
public class CandidatePages {

    static final int EVENTS = 8;

    private final CandidatePageData data;
    private final FinanceReports reports;
    private final PublicLinks links;
    private final Clock clock;

    @Autowired
    public CandidatePages(
            CandidatePageData data, FinanceReports reports, PublicLinks links, ObjectProvider<Clock> clock) {
        this(data, reports, links, clock.getIfAvailable(Clock::systemUTC));
    }

    public CandidatePages(CandidatePageData data, FinanceReports reports, PublicLinks links, Clock clock) {
        this.data = data;
        this.reports = reports;
        this.links = links;
        this.clock = clock;
    }

    Optional<CandidatePageData.Candidate> candidate(String cycleId) {
        return data.candidate(cycleId);
    }

    static String path(String cycleId) {
        return "/c/" + cycleId;
    }

    /** The page; {@code code} is the share code the visitor came with, kept on the links they pass on. */
    Page page(CandidatePageData.Candidate c, Language language, String code) {
        String pageUrl = links.url(path(c.cycleId()));
        String title = c.fullName() + " · " + c.districtId();
        String about = PageTexts.text(language, "candidate.og-description")
                .replace("{candidate}", c.fullName())
                .replace("{district}", c.districtId());
        String photo = c.photoUrl() != null && c.photoUrl().startsWith("/") ? c.photoUrl() : null;
        return new Page(
                title,
                new Og(
                        title,
                        c.statement() != null ? firstLine(c.statement()) : about,
                        pageUrl,
                        photo == null ? null : links.url(photo)),
                c.fullName(),
                c.districtId(),
                c.statement(),
                photo,
                c.pledgeTitle(),
                principles(c.pledgePrinciples()),
                fund(c, language, code),
                events(c.cycleId(), language, code),
                "/events/new?cycle=" + ShareLinks.encode(c.cycleId()),
                "/me/share?cycle=" + ShareLinks.encode(c.cycleId()),
                path(c.cycleId()) + "/toolkit",
                ShareLinks.withCode(pageUrl, code),
                ShareLinks.of(ShareLinks.withCode(pageUrl, code), about, language));
    }

    Toolkit toolkit(CandidatePageData.Candidate c, Language language) {
        String base = path(c.cycleId()) + "/toolkit/";
        List<Item> items = org.primarypipeline.templates.Toolkit.ITEMS.stream()
                .map(name -> new Item(
                        PageTexts.text(language, "toolkit." + name),
                        base + name + ".md?lang=" + language.tag(),
                        name + "-" + c.districtId() + ".md"))
                .toList();
        return new Toolkit(
                PageTexts.text(language, "toolkit.title") + " · " + c.fullName(),
                c.fullName(),
                path(c.cycleId()),
                base + "flyer",
                items);
    }

    Flyer flyer(CandidatePageData.Candidate c, Language language) {
        return new Flyer(
                c.fullName() + " · " + c.districtId(),
                c.fullName(),
                c.districtId(),
                c.statement(),
                c.pledgeTitle(),
                principles(c.pledgePrinciples()),
                links.url(path(c.cycleId())),
                events(c.cycleId(), language, null));
    }

    /** What the toolkit's templates are filled with; {@code code} puts the member's share code on the links. */
    record ToolkitModel(
            String candidate,
            String districtId,
            String statement,
            String pledgeTitle,
            List<String> principles,
            String pageUrl,
            String hostUrl,
            String donateUrl,
            String paidFor,
            String electionDay) {}

    ToolkitModel toolkitModel(CandidatePageData.Candidate c, Language language, String code) {
        Optional<FinanceReports.Progress> p =
                c.fundraiserId() == null ? Optional.empty() : reports.progress(c.fundraiserId());
        return new ToolkitModel(
                c.fullName(),
                c.districtId(),
                c.statement(),
                c.pledgeTitle(),
                principles(c.pledgePrinciples()),
                ShareLinks.withCode(links.url(path(c.cycleId())), code),
                links.url("/events/new?cycle=" + ShareLinks.encode(c.cycleId())),
                ShareLinks.withCode(
                        links.url(p.map(f -> "/fundraisers/" + f.fundraiserId() + "/donate")
                                .orElse(path(c.cycleId()))),
                        code),
                p.map(f -> (f.committeeName() != null ? f.committeeName() : f.title())
                                + (f.committeeFecId() != null ? " (FEC " + f.committeeFecId() + ")" : ""))
                        .orElse(c.fullName()),
                p.map(FinanceReports.Progress::endsOn)
                        .map(d -> day(d, language))
                        .orElse(null));
    }

    private Fund fund(CandidatePageData.Candidate c, Language language, String code) {
        if (c.fundraiserId() == null) {
            return null;
        }
        return reports.progress(c.fundraiserId())
                .map(p -> new Fund(
                        Money.dollars(p.raisedCents()),
                        Money.dollars(p.goalCents()),
                        PageTexts.text(language, p.donors() == 1 ? "candidate.donor" : "candidate.donors")
                                .replace("{n}", Integer.toString(p.donors())),
                        p.goalCents() == 0 ? 0 : Math.min(100, Math.max(0, p.raisedCents() * 100 / p.goalCents())),
                        p.endsOn() == null ? null : day(p.endsOn(), language),
                        ShareLinks.withCode("/fundraisers/" + p.fundraiserId() + "/donate", code),
                        !"LAUNCHED".equals(p.status()),
                        "LAUNCHED".equals(p.status()) && !"ON".equals(p.payments())))
                .orElse(null);
    }

    private List<EventItem> events(String cycleId, Language language, String code) {
        return data.upcoming(cycleId, clock.instant(), EVENTS).stream()
                .map(e -> {
                    ZoneId zone = zone(e.timeZone());
                    String when = DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL)
                                    .withLocale(language.locale())
                                    .format(e.startsAt().atZone(zone))
                            + ", "
                            + DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT)
                                    .withLocale(language.locale())
                                    .format(e.startsAt().atZone(zone))
                            + " "
                            + DateTimeFormatter.ofPattern("zzz", language.locale())
                                    .format(e.startsAt().atZone(zone));
                    return new EventItem(
                            e.title(),
                            PageTexts.text(language, "candidate.kind." + e.kind()),
                            when,
                            e.online() ? PageTexts.text(language, "candidate.online") : e.place(),
                            e.placesLeft(),
                            ShareLinks.withCode("/events/" + e.id(), code));
                })
                .toList();
    }

    static String day(LocalDate date, Language language) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
                .withLocale(language.locale())
                .format(date);
    }

    private static ZoneId zone(String id) {
        try {
            return ZoneId.of(id);
        } catch (RuntimeException e) {
            return ZoneId.of("America/New_York");
        }
    }

    private static List<String> principles(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return Arrays.stream(text.split("\\R"))
                .map(l -> l.replaceFirst("^\\s*[-*•]\\s*", "").strip())
                .filter(l -> !l.isEmpty())
                .toList();
    }

    private static String firstLine(String text) {
        String line = text.strip().split("\\R", 2)[0];
        return line.length() > 200 ? line.substring(0, 197) + "..." : line;
    }
}
