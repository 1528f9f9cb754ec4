package org.primarypipeline.console.supporters;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.primarypipeline.console.supporters.TrustPageModels.Row;
import org.primarypipeline.console.users.SignedInMember;
import org.primarypipeline.console.web.PublicPageView;
import org.primarypipeline.console.web.i18n.Language;
import org.primarypipeline.console.web.i18n.PageLanguage;
import org.primarypipeline.console.web.i18n.PageTexts;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * "People I trust" ({@code /me/proxies}): the signed-in member's standing proxies, chosen by name from
 * the people of their group they are connected to, with shares summing to 10; saved through {@link
 * NameMyProxies}. Only the members' chain reaches it.
 */
@Controller
public class TrustPageController {

    private static final int MAX_ROWS = 200;

    /** The notices a redirect may ask for ({@code ?saved=}), each a bundle key {@code trust.<notice>}. */
    private static final java.util.Set<String> NOTICES = java.util.Set.of("saved", "asked", "confirmed");

    private final TrustReadModel reads;
    private final NameMyProxies name;
    private final MemberHomePages home;
    private final TrustPages pages;

    public TrustPageController(TrustReadModel reads, NameMyProxies name, MemberHomePages home, TrustPages pages) {
        this.reads = reads;
        this.name = name;
        this.home = home;
        this.pages = pages;
    }

    @GetMapping("/me/proxies")
    public ModelAndView page(
            @AuthenticationPrincipal SignedInMember me,
            @RequestParam(required = false) String saved,
            @RequestParam(required = false) String q,
            HttpServletRequest request) {
        Language own = home.language(me.memberId());
        Language language = PageLanguage.of(request, own);
        List<Row> rows = pages.rows(me.memberId());
        String notice = saved == null || !NOTICES.contains(saved) ? null : PageTexts.text(language, "trust." + saved);
        return PublicPageView.personal(
                HttpStatus.OK, "members/proxies", pages.page(me, language, notice, rows, Map.of(), q), own);
    }

    @PostMapping("/me/proxies")
    public ModelAndView save(
            @AuthenticationPrincipal SignedInMember me,
            @RequestParam MultiValueMap<String, String> form,
            HttpServletRequest request) {
        List<NameMyProxies.Share> shares = new ArrayList<>();
        for (int slot = 1; slot <= MAX_ROWS; slot++) {
            String person = form.getFirst("person_" + slot);
            if (person == null) {
                break;
            }
            if (!person.matches("\\d{1,18}")) {
                continue;
            }
            shares.add(new NameMyProxies.Share(Long.parseLong(person), cut(form.getFirst("share_" + slot))));
        }
        try {
            name.save(me.memberId(), shares);
        } catch (NameMyProxies.Refused refused) {
            Language own = home.language(me.memberId());
            Language language = PageLanguage.of(request, own);
            Map<String, String> keys = refused.keys();
            // the page again with what was typed, for the people still offered
            Map<Long, String> typed = new java.util.HashMap<>();
            shares.forEach(s -> typed.put(s.personId(), s.units()));
            List<Row> rows = new ArrayList<>();
            for (TrustReadModel.Person p : reads.connected(me.memberId())) {
                int slot = rows.size() + 1;
                String key = keys.get("share_" + indexOf(shares, p.memberId()));
                rows.add(new Row(
                        slot,
                        p.memberId(),
                        p.name(),
                        typed.getOrDefault(p.memberId(), ""),
                        key == null ? null : PageTexts.text(language, key)));
            }
            return PublicPageView.personal(
                    HttpStatus.BAD_REQUEST, "members/proxies", pages.page(me, language, null, rows, keys, null), own);
        }
        return PublicPageView.seeOther("/me/proxies?saved=saved");
    }

    /** The 1-based position of the person in the posted rows (0: not posted). */
    private static int indexOf(List<NameMyProxies.Share> shares, long personId) {
        for (int i = 0; i < shares.size(); i++) {
            if (shares.get(i).personId() == personId) {
                return i + 1;
            }
        }
        return 0;
    }

    private static String cut(String value) {
        if (value == null) {
            return "";
        }
        return value.length() > 8 ? value.substring(0, 8) : value;
    }
}
