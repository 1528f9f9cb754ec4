package org.primarypipeline.console.campaigns;

import java.util.List;
import org.primarypipeline.campaigns.Attribution;
import org.primarypipeline.campaigns.CandidatePageData;
import org.primarypipeline.campaigns.Refcodes;
import org.primarypipeline.console.campaigns.CandidatePageModels.MyShare;
import org.primarypipeline.console.web.i18n.Language;
import org.primarypipeline.console.web.i18n.PageTexts;
import org.primarypipeline.core.money.Money;
import org.primarypipeline.platform.links.PublicLinks;
import org.springframework.stereotype.Component;

/**
 * A member's share code and what it brought in, for {@code /me} and {@code /me/share}: the code is made
 * on first need ({@link Refcodes}), the counts are {@link Attribution#broughtIn}.
 */
@Component
public class MemberSharing {

    /** The box on {@code /me}: the member's code, their district's candidate pages, what the links brought. */
    public record Box(String intro, List<Link> races, long joins, long rsvps, long donations, String donated) {}

    public record Link(String candidate, String shareUrl, String pageUrl) {}

    private final Refcodes refcodes;
    private final Attribution attribution;
    private final CandidatePageData data;
    private final PublicLinks links;

    public MemberSharing(Refcodes refcodes, Attribution attribution, CandidatePageData data, PublicLinks links) {
        this.refcodes = refcodes;
        this.attribution = attribution;
        this.data = data;
        this.links = links;
    }

    /** The box, or null when the member is in no district. */
    public Box box(long memberId, String districtId, Language language) {
        if (districtId == null) {
            return null;
        }
        String code = refcodes.codeFor(memberId);
        Attribution.BroughtIn b = attribution.broughtIn(memberId);
        List<Link> races = data.racesIn(districtId).stream()
                .map(r -> new Link(
                        r.candidate(),
                        "/me/share?cycle=" + ShareLinks.encode(r.cycleId()),
                        ShareLinks.withCode(links.url(CandidatePages.path(r.cycleId())), code)))
                .toList();
        return new Box(
                PageTexts.text(language, "me.sharing-intro").replace("{code}", code),
                races,
                b.joins(),
                b.rsvps(),
                b.donations(),
                Money.dollars(b.donatedCents()));
    }

    /** The share page for one race, or null when the cycle has no chosen candidate. */
    MyShare page(long memberId, String cycleId, Language language) {
        CandidatePageData.Candidate c = data.candidate(cycleId).orElse(null);
        if (c == null) {
            return null;
        }
        String code = refcodes.codeFor(memberId);
        Attribution.BroughtIn b = attribution.broughtIn(memberId);
        String url = ShareLinks.withCode(links.url(CandidatePages.path(cycleId)), code);
        String about = PageTexts.text(language, "candidate.og-description")
                .replace("{candidate}", c.fullName())
                .replace("{district}", c.districtId());
        return new MyShare(
                PageTexts.text(language, "share.title"),
                c.fullName(),
                code,
                url,
                ShareLinks.of(url, about, language),
                b.joins(),
                b.rsvps(),
                b.donations(),
                Money.dollars(b.donatedCents()));
    }
}
