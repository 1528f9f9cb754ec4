package org.primarypipeline.templates;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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

    private static Set<String> fields(String text) {
        Set<String> names = new TreeSet<>();
        Matcher m = FIELD.matcher(text);
        while (m.find()) {
            names.add(m.group(1).strip());
        }
        return names;
    }
}
