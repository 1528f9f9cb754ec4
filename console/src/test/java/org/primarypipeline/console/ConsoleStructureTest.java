package org.primarypipeline.console;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RestController;

/**
 * The console's shape, checked on every build so it cannot drift back: controllers map HTTP and
 * nothing else (the SQL lives in each stage's repositories and read models), page models are typed,
 * and no class grows past what one reader holds in mind.
 */
class ConsoleStructureTest {

    private static final Path SOURCES = Path.of("src/main/java");
    private static final int MOST_LINES = 250;

    private static JavaClasses console;

    @BeforeAll
    static void importConsole() {
        console = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.primarypipeline.console");
    }

    @Test
    void controllersRunNoSql() {
        noClasses()
                .that()
                .areAnnotatedWith(Controller.class)
                .or()
                .areAnnotatedWith(RestController.class)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.springframework.jdbc..", "java.sql..", "javax.sql..")
                .because("a controller maps HTTP and nothing else; SQL belongs in the stage's repository")
                .check(console);
    }

    @Test
    void noConsoleClassIsLongerThan250Lines() {
        List<String> tooLong = javaSources()
                .filter(file -> lines(file) > MOST_LINES)
                .map(file -> SOURCES.relativize(file) + " (" + lines(file) + " lines)")
                .toList();
        assertThat(tooLong).as("console classes over %d lines", MOST_LINES).isEmpty();
    }

    @Test
    void pageModelsAreTypedNotMaps() {
        Pattern untyped = Pattern.compile("Map<String,\\s*Object>");
        List<String> offenders = javaSources()
                .filter(file -> untyped.matcher(read(file)).find())
                .map(file -> SOURCES.relativize(file).toString())
                .toList();
        assertThat(offenders)
                .as("console classes with Map<String, Object> models")
                .isEmpty();
    }

    private static Stream<Path> javaSources() {
        try {
            return Files.walk(SOURCES).filter(file -> file.toString().endsWith(".java")).toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long lines(Path file) {
        return read(file).lines().count();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
