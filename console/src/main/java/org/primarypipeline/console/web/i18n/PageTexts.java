package org.primarypipeline.console.web.i18n;

import com.github.mustachejava.TemplateFunction;
import java.util.EnumMap;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The words of member-facing pages, from the message bundles {@code i18n/public_en.properties} and
 * {@code i18n/public_es.properties} (UTF-8). A template writes {@code {{#t}}ballot.heading{{/t}}}; the
 * bundle's value is itself a Mustache snippet, so a sentence keeps its own word order in each language
 * and names the page's fields ({@code voting closes {{closesAt}}}), escaped like any other field. One
 * bundle per language instead of one template per language: a page's structure exists once.
 */
public final class PageTexts {

    public static final String BUNDLE = "i18n/public";

    private static final Map<Language, ResourceBundle> BUNDLES = new EnumMap<>(Language.class);

    static {
        for (Language language : Language.values()) {
            BUNDLES.put(language, ResourceBundle.getBundle(BUNDLE, language.locale(), NoFallback.INSTANCE));
        }
    }

    private PageTexts() {}

    /** The text of {@code key} in {@code language}; English when Spanish lacks it, the key when both do. */
    public static String text(Language language, String key) {
        String k = key.strip();
        try {
            return BUNDLES.get(language).getString(k);
        } catch (MissingResourceException missingHere) {
            try {
                return BUNDLES.get(Language.EN).getString(k);
            } catch (MissingResourceException missing) {
                return k;
            }
        }
    }

    /** Whether {@code language}'s own bundle holds {@code key} (for the test that finds missing keys). */
    public static boolean has(Language language, String key) {
        return BUNDLES.get(language).keySet().contains(key);
    }

    public static java.util.Set<String> keys(Language language) {
        return BUNDLES.get(language).keySet();
    }

    /** The scope a template reads: {@code {{#t}}key{{/t}}}, {@code {{lang}}} and the switch link. */
    public static Scope scope(Language language) {
        return new Scope(language);
    }

    /** What every public page may use besides its own model. */
    public static final class Scope {
        private final Language language;
        public final TemplateFunction t;

        Scope(Language language) {
            this.language = language;
            this.t = key -> text(language, key);
        }

        public String lang() {
            return language.tag();
        }

        public String otherLang() {
            return language.other().tag();
        }

        public String otherLanguage() {
            return language.other().ownName();
        }
    }

    /** Only the named bundle, never the JVM's default locale's: a Spanish server must still serve English. */
    private static final class NoFallback extends ResourceBundle.Control {
        static final NoFallback INSTANCE = new NoFallback();

        @Override
        public java.util.Locale getFallbackLocale(String baseName, java.util.Locale locale) {
            return null;
        }
    }
}
