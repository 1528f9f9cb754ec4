package org.primarypipeline.templates;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every word a message asks for exists in English and Spanish, naming the same fields. */
class MessageTextsTest {

    private static final Path TEMPLATES = Path.of("src/main/resources/templates");
    private static final Pattern KEY = Pattern.compile("\\{\\{#t}}(.*?)\\{\\{/t}}", Pattern.DOTALL);
    private static final Pattern FIELD = Pattern.compile("\\{\\{\\{?([^}]+?)}?}}");

    @Test
    void everyKeyATemplateUsesIsInBothLanguages() throws IOException {
        Set<String> used = new TreeSet<>();
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            for (Path file :
                    files.filter(f -> f.toString().endsWith(".mustache")).toList()) {
                Matcher m = KEY.matcher(Files.readString(file, StandardCharsets.UTF_8));
                while (m.find()) {
                    used.add(m.group(1).strip());
                }
            }
        }
        assertThat(used).isNotEmpty();
        for (String language : MessageTexts.LANGUAGES) {
            assertThat(MessageTexts.keys(language))
                    .as("missing in %s", language)
                    .containsAll(used);
        }
    }

    @Test
    void bothBundlesHoldTheSameKeysAndNameTheSameFields() {
        assertThat(MessageTexts.keys("es")).containsExactlyInAnyOrderElementsOf(MessageTexts.keys("en"));
        for (String key : MessageTexts.keys("en")) {
            assertThat(fields(MessageTexts.text("es", key)))
                    .as("fields of %s", key)
                    .isEqualTo(fields(MessageTexts.text("en", key)));
        }
    }

    @Test
    void theModelsLocaleChoosesTheLanguageOfTheLayout() {
        TemplateRenderer renderer = new TemplateRenderer();
        Map<String, Object> model = new java.util.HashMap<>(SampleModels.of("cycle-failed"));
        model.put("replyTo", "help@example.org");
        model.put("locale", "es");
        RenderedMessage spanish = renderer.render("cycle-failed", model);
        assertThat(spanish.html()).contains("lang=\"es\"").contains("Escríbenos a");
        assertThat(spanish.text()).contains("¿Preguntas? Escríbenos a help@example.org.");
        model.put("locale", "en");
        RenderedMessage english = renderer.render("cycle-failed", model);
        assertThat(english.html()).contains("lang=\"en\"").contains("Write to us at");
    }

    /**
     * Every message with sample data renders in English and in Spanish with no key left unresolved (a
     * missing key renders as itself) and no field left over.
     */
    @Test
    void everyMessageRendersInBothLanguagesWithNoKeyLeft() {
        TemplateRenderer renderer = new TemplateRenderer();
        List<String> sameInBoth = new java.util.ArrayList<>();
        for (String name : SampleModels.names()) {
            Map<String, String> rendered = new java.util.HashMap<>();
            for (String language : MessageTexts.LANGUAGES) {
                RenderedMessage m = renderer.render(name, SampleModels.of(name, language));
                String all = m.subject() + "\n" + m.html() + "\n" + m.text() + "\n" + m.sms();
                assertThat(all).as("%s in %s", name, language).doesNotContain("{{", "}}");
                for (String key : MessageTexts.keys("en")) {
                    assertThat(all)
                            .as("%s in %s: key %s left", name, language, key)
                            .doesNotContain(key + " ", key + "<", key + "\n", key + ":");
                }
                rendered.put(language, m.subject() + m.text());
            }
            if (rendered.get("en").equals(rendered.get("es"))) {
                sameInBoth.add(name);
            }
        }
        assertThat(sameInBoth)
                .as("messages whose words are the same in both languages")
                .isSubsetOf(ENGLISH_ONLY);
    }

    /**
     * Messages still written in English only (to candidates, nominees, donors and staff; the nomination
     * messages reach members too and are next). A message moved to the bundles leaves this list; a new
     * message cannot join it.
     */
    private static final Set<String> ENGLISH_ONLY = Set.of(
            "candidate-certified",
            "candidate-invitation",
            "candidate-on-ballot",
            "candidate-reminder",
            "candidate-result",
            "candidate-voting-open",
            "cycle-failed",
            "fundraiser-live",
            "nomination-confirm",
            "nomination-received",
            "pledge-copy",
            "vetting-outcome",
            "vetting-overdue");

    private static Set<String> fields(String text) {
        Set<String> names = new TreeSet<>();
        Matcher m = FIELD.matcher(text);
        while (m.find()) {
            names.add(m.group(1).strip());
        }
        return names;
    }
}
