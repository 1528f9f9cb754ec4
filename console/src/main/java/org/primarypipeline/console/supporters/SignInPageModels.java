package org.primarypipeline.console.supporters;

import org.primarypipeline.console.web.PublicPage;
import org.primarypipeline.console.web.i18n.Language;
import org.primarypipeline.console.web.i18n.PageTexts;

/**
 * What the members' sign-in pages show (templates under {@code console/pages/public/members/}). Their
 * words are in the bundles ({@code signin.*}); only the tab's title is picked here, in the page's language.
 */
final class SignInPageModels {

    private SignInPageModels() {}

    static String text(Language language, String key) {
        return PageTexts.text(language, key);
    }

    /**
     * Asking for a link: what was typed, the sentence beside the field when it was refused, and a note
     * above the form ({@code signedOut}, {@code limited} with how many minutes to wait).
     */
    record Ask(String title, String address, String addressError, boolean signedOut, Long waitMinutes)
            implements PublicPage {

        static Ask empty(Language language, boolean signedOut) {
            return new Ask(text(language, "signin.title"), "", null, signedOut, null);
        }
    }

    /** The same answer for every address: a link went there if it is a member's. */
    record Sent(String title, String address, long minutes) implements PublicPage {}

    /** The button that spends the link (opening the page changes nothing: mail scanners open links). */
    record Open(String title, String action) implements PublicPage {}

    /** A link that does not work: {@code reason} is unknown, used or expired. */
    record LinkProblem(String title, boolean unknown, boolean used, boolean expired) implements PublicPage {}
}
