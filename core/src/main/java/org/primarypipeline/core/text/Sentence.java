package org.primarypipeline.core.text;

import java.util.Locale;

/**
 * A check's words as a person reads them on a form: a capital first letter and a full stop, so that
 * several problems said together read as sentences rather than run-on fragments.
 */
public final class Sentence {

    private Sentence() {}

    /** The words with a capital first letter and closing punctuation; blank stays blank. */
    public static String of(String words) {
        String text = words == null ? "" : words.strip();
        if (text.isEmpty()) {
            return text;
        }
        String said = text.substring(0, 1).toUpperCase(Locale.ROOT) + text.substring(1);
        char last = said.charAt(said.length() - 1);
        return last == '.' || last == '!' || last == '?' ? said : said + ".";
    }
}
