package org.primarypipeline.console.campaigns;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.primarypipeline.console.campaigns.CandidatePageModels.Share;
import org.primarypipeline.console.web.i18n.Language;
import org.primarypipeline.console.web.i18n.PageTexts;

/**
 * The links to pass a page on: email, text message, Facebook, X, WhatsApp. Plain links, no script and
 * no button loaded from elsewhere, so the page keeps its policy.
 */
final class ShareLinks {

    private ShareLinks() {}

    /** {@code url} with the member's share code when there is one. */
    static String withCode(String url, String code) {
        if (code == null) {
            return url;
        }
        return url + (url.contains("?") ? "&" : "?") + RefcodeCookies.PARAMETER + "=" + code;
    }

    static List<Share> of(String url, String text, Language language) {
        String u = encode(url);
        String t = encode(text);
        return List.of(
                new Share(PageTexts.text(language, "candidate.share-email"), "mailto:?subject=" + t + "&body=" + u),
                new Share(PageTexts.text(language, "candidate.share-sms"), "sms:?&body=" + t + "%20" + u),
                new Share("Facebook", "https://www.facebook.com/sharer/sharer.php?u=" + u),
                new Share("X", "https://x.com/intent/post?text=" + t + "&url=" + u),
                new Share("WhatsApp", "https://wa.me/?text=" + t + "%20" + u));
    }

    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
