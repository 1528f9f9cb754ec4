package org.primarypipeline.templates;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.TemplateFunction;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.Set;

/**
 * The words of outgoing messages, from {@code templates/i18n/messages_en.properties} and
 * {@code messages_es.properties} (UTF-8). A template writes {@code {{#t}}voting-reminder.lead{{/t}}};
 * the bundle's value is a Mustache snippet that may name the message's fields, so each language keeps
 * its own word order and a message's structure exists once. The language is the model's {@code locale}
 * field ({@code en} or {@code es}, the member's {@code member.locale}); anything else is English.
 */
public final class MessageTexts {

    public static final String BUNDLE = "templates/i18n/messages";
    public static final Set<String> LANGUAGES = Set.of("en", "es");

    private static final ResourceBundle EN = load("en");
    private static final ResourceBundle ES = load("es");

    private MessageTexts() {}

    /** The language a model asks for: its {@code locale} field when that is Spanish, else English. */
    public static String language(Object locale) {
        return locale != null
                        && locale.toString().strip().toLowerCase(Locale.ROOT).startsWith("es")
                ? "es"
                : "en";
    }

    /** The text of {@code key}; English when Spanish lacks it, the key itself when both do. */
    public static String text(String language, String key) {
        String k = key.strip();
        ResourceBundle bundle = "es".equals(language) ? ES : EN;
        try {
            return bundle.getString(k);
        } catch (MissingResourceException missingHere) {
            try {
                return EN.getString(k);
            } catch (MissingResourceException missing) {
                return k;
            }
        }
    }

    /**
     * The group's flow rule in one sentence ({@code flow-rule}), as every round message states it: the
     * ballot page's rules read it from here too, so members read the same sentence everywhere.
     */
    public static String flowRule(String language, boolean liquid) {
        StringWriter out = new StringWriter();
        new DefaultMustacheFactory()
                .compile(new StringReader(text(language, "flow-rule")), "flow-rule")
                .execute(out, Map.of("liquid", liquid));
        return out.toString();
    }

    public static Set<String> keys(String language) {
        return ("es".equals(language) ? ES : EN).keySet();
    }

    /** The scope a template reads {@code {{#t}}key{{/t}}} and {@code {{lang}}} from. */
    public static Scope scope(String language) {
        return new Scope(language);
    }

    public static final class Scope {
        public final TemplateFunction t;
        private final String language;

        Scope(String language) {
            this.language = language;
            this.t = key -> text(language, key);
        }

        public String lang() {
            return language;
        }
    }

    private static ResourceBundle load(String tag) {
        return ResourceBundle.getBundle(BUNDLE, Locale.forLanguageTag(tag), new ResourceBundle.Control() {
            @Override
            public Locale getFallbackLocale(String baseName, Locale locale) {
                return null;
            }
        });
    }
}
