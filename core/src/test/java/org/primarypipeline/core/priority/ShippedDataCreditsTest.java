package org.primarypipeline.core.priority;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every public file the app ships is credited in data/SOURCES.md, and the roll-call scores name Voteview. */
class ShippedDataCreditsTest {

    private static final Path DATA = Path.of("src/main/resources/data");

    private static String sources() throws IOException {
        return Files.readString(DATA.resolve("SOURCES.md"));
    }

    private static String rowOf(String file) throws IOException {
        return sources()
                .lines()
                .filter(l -> l.startsWith("| ") && l.contains(file))
                .findFirst()
                .orElse("");
    }

    @Test
    void everyShippedFileHasARowInTheSources() throws IOException {
        List<String> files;
        try (Stream<Path> walk = Files.walk(DATA)) {
            files = walk.filter(Files::isRegularFile)
                    .map(p -> DATA.relativize(p).toString().replace('\\', '/'))
                    .filter(f -> !f.equals("SOURCES.md") && !f.endsWith("/LICENSE"))
                    .toList();
        }
        assertThat(files).contains("ideology/voteview_HS119_members.csv");
        for (String file : files) {
            assertThat(rowOf(file)).as("credit of " + file).isNotBlank();
        }
    }

    @Test
    void theRollCallScoresCiteVoteviewAndItsAuthors() throws IOException {
        for (String file :
                List.of("ideology/voteview_HS119_members.csv", "ideology/voteview_house_democrats_114-117.csv")) {
            assertThat(rowOf(file)).as(file).contains("Voteview", "voteview.com", "Lewis", "Poole", "Rosenthal");
        }
        assertThat(Files.readString(Path.of("../docs/data.md"))).contains("Voteview");
    }

    @Test
    void thePrimaryResultsNameTheirSources() throws IOException {
        String row = rowOf("elections/house_democratic_incumbent_primary_defeats_2018-2024.csv");
        assertThat(row).contains("Wikipedia", "Politico");
    }

    @Test
    void theShippedHs119FileIsTheSharedCopyByteForByte() throws IOException {
        Path shared = Path.of("../../shared/data/ideology/voteview_HS119_members.csv");
        if (Files.exists(shared)) {
            assertThat(Files.readAllBytes(DATA.resolve("ideology/voteview_HS119_members.csv")))
                    .isEqualTo(Files.readAllBytes(shared));
        }
        assertThat(Files.readAllLines(DATA.resolve("ideology/voteview_HS119_members.csv"))
                        .get(0))
                .startsWith("congress,chamber,icpsr,state_icpsr,district_code,state_abbrev,party_code");
    }
}
