package org.primarypipeline.console.web.i18n;

import java.util.Locale;

/**
 * The languages members read: English and Spanish. Everything member-facing (public pages, messages)
 * exists in both; anything else a browser or a stored value names falls back to English.
 */
public enum Language {
    EN("en", "English"),
    ES("es", "Español");

    private final String tag;
    private final String ownName;

    Language(String tag, String ownName) {
        this.tag = tag;
        this.ownName = ownName;
    }

    /** The BCP 47 tag, for {@code <html lang>}, {@code member.locale} and {@code ?lang=}. */
    public String tag() {
        return tag;
    }

    /** The language's name in itself, for the switch link ("Español" on an English page). */
    public String ownName() {
        return ownName;
    }

    public Locale locale() {
        return Locale.forLanguageTag(tag);
    }

    public Language other() {
        return this == EN ? ES : EN;
    }

    public static Language of(Locale locale) {
        return locale != null && "es".equals(locale.getLanguage()) ? ES : EN;
    }

    /** A stored or typed tag ("es", "ES", "es-MX"); anything unknown or blank is English. */
    public static Language of(String tag) {
        return tag == null || tag.isBlank() ? EN : of(Locale.forLanguageTag(tag.strip()));
    }
}
