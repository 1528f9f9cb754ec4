package org.primarypipeline.core.priority;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.primarypipeline.core.district.DistrictId;
import org.primarypipeline.core.district.DistrictKeys;

class DeclaredCandidatesTest {

    @Test
    void fecNamesReadAsPeopleWriteThem() {
        assertThat(DeclaredCandidates.readable("OCASIO-CORTEZ, ALEXANDRIA MS.")).isEqualTo("Alexandria Ocasio-Cortez");
        assertThat(DeclaredCandidates.readable("O'ROURKE, BETO")).isEqualTo("Beto O'Rourke");
        assertThat(DeclaredCandidates.readable("PELTOLA, MARY")).isEqualTo("Mary Peltola");
    }

    @Test
    void onlyDemocraticChallengersAndOpenSeatCandidatesWhoRaisedMoneyAreInvited() {
        // Alaska at large in the 2026 file: Peltola (DEM, $152k, challenger) and Schultz (DEM, $309k) raised
        // money; Constant (DEM) raised nothing; Begich is the Republican incumbent
        DistrictId alaska = DistrictKeys.of("AK", "00");
        List<DeclaredCandidates.Declared> declared = DeclaredCandidates.running(alaska);
        assertThat(declared)
                .extracting(DeclaredCandidates.Declared::name)
                .contains("Mary Peltola")
                .doesNotContain("Christopher Constant", "Nicholas Begich III");
        assertThat(declared).allMatch(d -> d.receipts() >= FecFilings.SERIOUS_RECEIPTS);
        assertThat(declared)
                .extracting(DeclaredCandidates.Declared::receipts)
                .isSortedAccordingTo((a, b) -> Long.compare(b, a));
    }
}
