package org.primarypipeline.console.supporters;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.primarypipeline.campaigns.Attribution;
import org.primarypipeline.console.campaigns.RefcodeCookies;
import org.primarypipeline.console.supporters.JoinFormModels.Sent;
import org.primarypipeline.console.web.PublicPage;
import org.primarypipeline.console.web.PublicPageView;
import org.primarypipeline.console.web.i18n.Language;
import org.primarypipeline.console.web.i18n.PageLanguage;
import org.primarypipeline.console.web.i18n.PageTexts;
import org.primarypipeline.core.supporter.InvalidField;
import org.primarypipeline.core.supporter.ZipCodes;
import org.primarypipeline.outreach.Channel;
import org.primarypipeline.platform.PublicDoor;
import org.primarypipeline.supporters.JoinForm;
import org.primarypipeline.supporters.JoinLimited;
import org.primarypipeline.supporters.JoinRequests;
import org.primarypipeline.supporters.RefusedFields;
import org.primarypipeline.supporters.ZipLocator;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The join page ({@code /join}): name, email and/or phone, address and ZIP, consent per channel and
 * language. The ZIP places the person in their district (the current plan's locator); a ZIP split
 * between districts asks them to pick theirs, which is then recorded as their own word. The request goes
 * through {@link JoinDistrictGroup}, the same door as the API: a link to confirm goes to their email (or
 * phone), and following it makes them a member. No script, the personal pages' policy.
 */
@PublicDoor
@Controller
public class JoinPageController {

    private final JoinDistrictGroup join;
    private final ZipLocator locator;
    private final Attribution attribution;

    public JoinPageController(JoinDistrictGroup join, ZipLocator locator, Attribution attribution) {
        this.join = join;
        this.locator = locator;
        this.attribution = attribution;
    }

    @GetMapping("/join")
    public ModelAndView form(HttpServletRequest request) {
        return page(HttpStatus.OK, "join", JoinFormPage.empty(PageLanguage.of(request, null)));
    }

    @PostMapping("/join")
    public ModelAndView join(
            @RequestParam(defaultValue = "") String fullName,
            @RequestParam(defaultValue = "") String email,
            @RequestParam(defaultValue = "") String phone,
            @RequestParam(defaultValue = "") String street,
            @RequestParam(defaultValue = "") String zip,
            @RequestParam(defaultValue = "") String district,
            @RequestParam(defaultValue = "") String language,
            @RequestParam(required = false) String emailOk,
            @RequestParam(required = false) String smsOk,
            @RequestParam(defaultValue = "") String website,
            HttpServletRequest request,
            HttpServletResponse response) {
        Language page = PageLanguage.of(request, null);
        JoinFormPage typed = new JoinFormPage(
                fullName, email, phone, street, zip, district, language, emailOk != null, smsOk != null, website);
        Map<String, String> problems = new LinkedHashMap<>();
        List<String> choices = districts(zip, problems);
        String placed = choices.size() == 1 ? choices.get(0) : choices.contains(district) ? district : null;
        if (choices.size() > 1 && placed == null) {
            problems.put("district", "district");
        }
        JoinForm form = new JoinForm(
                placed,
                fullName,
                email,
                phone,
                street,
                zip.length() > JoinForm.MAX_ZIP ? "" : zip,
                typed.spanish() ? "es" : "en",
                website.isBlank() ? null : "filled");
        check(form, typed, problems);
        if (!problems.isEmpty()) {
            return page(HttpStatus.BAD_REQUEST, "join", typed.again(page, problems, choices, null));
        }
        JoinRequests.Requested done;
        try {
            done = join.perform(form, request.getRemoteAddr(), consent(typed));
        } catch (RefusedFields refused) {
            refused.fields().forEach((field, why) -> problems.putIfAbsent(field, JoinFormPage.keyFor(field, why)));
            return page(HttpStatus.BAD_REQUEST, "join", typed.again(page, problems, choices, null));
        } catch (JoinLimited limited) {
            long seconds = Math.max(1, limited.retryAfter().toSeconds());
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
            return page(
                    HttpStatus.TOO_MANY_REQUESTS,
                    "join",
                    typed.again(page, problems, choices, Math.max(1, (seconds + 59) / 60)));
        }
        if (done.sent()) {
            attribution.recordJoin(done.requestId(), done.districtId(), RefcodeCookies.touch(request));
        }
        boolean bySms = done.channel() == Channel.SMS;
        return page(
                HttpStatus.OK,
                "join-sent",
                new Sent(
                        PageTexts.text(page, "join.sent-title"),
                        (bySms ? phone : email).strip(),
                        bySms,
                        done.districtId(),
                        Math.max(
                                1,
                                Duration.between(Instant.now(), done.expiresAt())
                                        .toHours())));
    }

    /** The districts the ZIP may place the person in; a sentence's key beside the ZIP when there are none. */
    private List<String> districts(String zip, Map<String, String> problems) {
        if (zip.isBlank()) {
            problems.put("zip", "zip-needed");
            return List.of();
        }
        String normal;
        try {
            normal = zip.length() > JoinForm.MAX_ZIP ? null : ZipCodes.normalize(zip);
        } catch (InvalidField e) {
            normal = null;
        }
        if (normal == null) {
            problems.put("zip", "zip");
            return List.of();
        }
        List<String> choices = locator.districts(normal);
        if (choices.isEmpty()) {
            problems.put("zip", "zip-unknown");
        }
        return choices;
    }

    /**
     * Every other field the join command would refuse, named at once with the district's; and a phone
     * alone with texts refused, which would leave the person unreachable (an SMS opt-out stops every text).
     */
    private static void check(JoinForm form, JoinFormPage typed, Map<String, String> problems) {
        try {
            form.validate();
        } catch (RefusedFields refused) {
            refused.fields().forEach((field, why) -> {
                if (!field.equals("district") && !field.equals("language") && !field.equals("website")) {
                    problems.putIfAbsent(field, JoinFormPage.keyFor(field, why));
                }
            });
        }
        if (typed.email().isBlank() && !typed.phone().isBlank() && !typed.smsOk()) {
            problems.putIfAbsent("smsOk", "sms-only");
        }
    }

    /** The consent asked for each channel given: a box left unticked is a "no". */
    private static JoinRequests.Consent consent(JoinFormPage typed) {
        return new JoinRequests.Consent(
                typed.email().isBlank() ? null : typed.emailOk(), typed.phone().isBlank() ? null : typed.smsOk());
    }

    private static ModelAndView page(HttpStatus status, String template, PublicPage model) {
        return PublicPageView.personal(status, "members/" + template, model);
    }
}
