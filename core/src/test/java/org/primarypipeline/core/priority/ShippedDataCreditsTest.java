package org.primarypipeline.core.priority;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
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
                List.of("ideology/voteview_HS119_members.csv", "ideology/voteview_house_democrats_114-118.csv")) {
            assertThat(rowOf(file)).as(file).contains("Voteview", "voteview.com", "Lewis", "Poole", "Rosenthal");
        }
        assertThat(Files.readString(Path.of("../docs/data.md"))).contains("Voteview");
    }

    @Test
    void theHistoryExtractNamesEachCopyByRepositoryPathAndCommit() throws IOException {
        assertThat(rowOf("ideology/voteview_house_democrats_114-118.csv"))
                .contains(
                        "netogaldino/Smooth-Sailing `HS114_members.csv` @9412b77521e8f8a55db00ab4bdd8da1db06e8680",
                        "lindseygreenhill/thesis `HS115_members.csv`, `HS116_members.csv`, `HS117_members.csv`"
                                + " @0013dfc21acc0e16dd1ac7671f42c2ca309e027a",
                        "maswang32/maswang32.github.io `data/HS118_members.csv`"
                                + " @84dca636e16d63288c78dc2465579528b92c6c78");
    }

    /** Values read off the public copies (see SOURCES.md), one or two well-known members per Congress. */
    @Test
    void theHistoryExtractHoldsTheSourcesValues() throws IOException {
        List<String> lines = Files.readAllLines(DATA.resolve("ideology/voteview_house_democrats_114-118.csv"));
        assertThat(lines.get(0))
                .isEqualTo("congress,chamber,icpsr,state_abbrev,district_code,party_code,bioname,bioguide_id,"
                        + "nominate_dim1,nominate_dim2,nominate_number_of_votes,nokken_poole_dim1,nokken_poole_dim2");
        assertThat(lines)
                .contains(
                        "114,House,29925,NY,14,100,\"CROWLEY, Joseph\",C001038,-0.411,-0.071,1086,-0.401,-0.129",
                        "115,House,29919,MA,7,100,\"CAPUANO, Michael Everett\",C001037,-0.58,-0.082,912,-0.576,-0.034",
                        "116,House,20508,IL,3,100,\"LIPINSKI, Daniel\",L000563,-0.227,0.176,787,-0.146,0.05",
                        "117,House,21949,NY,14,100,\"OCASIO-CORTEZ, Alexandria\",O000172,-0.258,-0.966,715,-0.981,"
                                + "-0.192",
                        "118,House,22321,FL,10,100,\"FROST, Maxwell\",F000476,-0.501,-0.728,698,-0.501,-0.729",
                        "118,House,22342,PA,12,100,\"LEE, Summer\",L000602,-0.375,-0.927,700,-0.988,0.152");
        // House Democrats (delegates included) in each copy.
        Map<String, Long> perCongress =
                lines.stream().skip(1).collect(Collectors.groupingBy(l -> l.substring(0, 3), Collectors.counting()));
        assertThat(perCongress)
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of("114", 190L, "115", 200L, "116", 241L, "117", 230L, "118", 217L));
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
