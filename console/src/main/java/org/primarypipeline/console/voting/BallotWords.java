package org.primarypipeline.console.voting;

import org.primarypipeline.console.web.i18n.Language;
import org.primarypipeline.console.web.i18n.PageTexts;

/**
 * A sentence the ballot pages' controllers compute, from the page bundles ({@code ballot.*},
 * {@code assisted.*}) in the page's language, with its {@code {{field}}}s filled in as plain text (the
 * page's template escapes the whole sentence when it shows it).
 */
final class BallotWords {

    private BallotWords() {}

    /** @param fields name, value, name, value, … */
    static String say(Language language, String key, Object... fields) {
        String text = PageTexts.text(language, key);
        for (int i = 0; i + 1 < fields.length; i += 2) {
            text = text.replace("{{" + fields[i] + "}}", String.valueOf(fields[i + 1]));
        }
        return text;
    }
}
