package org.primarypipeline.console.web.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every word a member page asks for exists in English and in Spanish, with the same fields. */
class PublicTextsTest {

    private static final Path PAGES = Path.of("src/main/resources/console/pages/public");
    private static final Pattern KEY = Pattern.compile("\\{\\{#t}}(.*?)\\{\\{/t}}", Pattern.DOTALL);
    private static final Pattern FIELD = Pattern.compile("\\{\\{\\{?([^}]+?)}?}}");

    @Test
    void everyKeyATemplateUsesIsInBothLanguages() throws IOException {
        Set<String> used = usedKeys();
        assertThat(used).isNotEmpty();
        for (Language language : Language.values()) {
            assertThat(PageTexts.keys(language))
                    .as("keys missing from the %s bundle", language.tag())
                    .containsAll(used);
        }
    }

    @Test
    void bothBundlesHoldTheSameKeysAndNameTheSameFields() {
        assertThat(PageTexts.keys(Language.ES)).containsExactlyInAnyOrderElementsOf(PageTexts.keys(Language.EN));
        for (String key : PageTexts.keys(Language.EN)) {
            assertThat(fields(PageTexts.text(Language.ES, key)))
                    .as("fields of %s", key)
                    .isEqualTo(fields(PageTexts.text(Language.EN, key)));
        }
    }

    @Test
    void aPageRendersInTheLanguageAsked() {
        assertThat(PageTexts.text(Language.ES, "layout.join")).isEqualTo("Únete al grupo de tu distrito");
        assertThat(PageTexts.text(Language.EN, "layout.join")).isEqualTo("Join your district group");
        assertThat(PageTexts.text(Language.ES, "no.such.key")).isEqualTo("no.such.key");
        assertThat(Language.of("es-MX")).isEqualTo(Language.ES);
        assertThat(Language.of("fr")).isEqualTo(Language.EN);
    }

    private static Set<String> usedKeys() throws IOException {
        Set<String> keys = new TreeSet<>();
        try (Stream<Path> files = Files.walk(PAGES)) {
            for (Path file :
                    files.filter(f -> f.toString().endsWith(".mustache")).toList()) {
                Matcher m = KEY.matcher(Files.readString(file, StandardCharsets.UTF_8));
                while (m.find()) {
                    keys.add(m.group(1).strip());
                }
            }
        }
        return keys;
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
