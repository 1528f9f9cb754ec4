package org.primarypipeline.core.priority;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.primarypipeline.core.district.DistrictId;

/** Reading MEDSL rows: fusion lines, uncontested races, placeholders. */
class HouseResultsTest {

    private static final String HEADER = "year,state,state_po,state_fips,state_cen,state_ic,office,district,stage,"
            + "runoff,special,candidate,party,writein,mode,candidatevotes,totalvotes,unofficial,version,fusion_ticket\n";

    private static HouseResults parse(String rows) throws IOException {
        List<CSVRecord> records = CSVFormat.DEFAULT
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(new StringReader(HEADER + rows))
                .getRecords();
        return HouseResults.parse(records);
    }

    @Test
    void fusionLinesAreSummedPerCandidateAndTheMajorLabelWins() throws IOException {
        HouseResults r = parse("""
                2018,NEW YORK,NY,36,13,21,US HOUSE,14,GEN,FALSE,FALSE,ALEXANDRIA OCASIO-CORTEZ,DEMOCRAT,FALSE,TOTAL,110318,141289,FALSE,20250910,FALSE
                2018,NEW YORK,NY,36,13,21,US HOUSE,14,GEN,FALSE,FALSE,ANTHONY PAPPAS,REPUBLICAN,FALSE,TOTAL,19202,141289,FALSE,20250910,FALSE
                2018,NEW YORK,NY,36,13,21,US HOUSE,14,GEN,FALSE,FALSE,ELIZABETH PERRI,CONSERVATIVE,FALSE,TOTAL,2254,141289,FALSE,20250910,FALSE
                2018,NEW YORK,NY,36,13,21,US HOUSE,14,GEN,FALSE,FALSE,JOSEPH CROWLEY,WORKING FAMILIES,FALSE,TOTAL,8075,141289,FALSE,20250910,FALSE
                2018,NEW YORK,NY,36,13,21,US HOUSE,14,GEN,FALSE,FALSE,ANTHONY PAPPAS,REFORM,FALSE,TOTAL,1000,141289,FALSE,20250910,TRUE
                2018,NEW YORK,NY,36,13,21,US HOUSE,14,GEN,FALSE,FALSE,WRITEIN,,TRUE,TOTAL,82,141289,FALSE,20250910,FALSE
                2018,NEW YORK,NY,36,13,21,US HOUSE,14,GEN,FALSE,FALSE,BLANK,,FALSE,TOTAL,900,141289,FALSE,20250910,FALSE
                """);
        HouseResult ny14 = r.result(2018, DistrictId.parse("NY-14")).orElseThrow();
        assertThat(ny14.winner()).isEqualTo("ALEXANDRIA OCASIO-CORTEZ");
        assertThat(ny14.winnerParty()).isEqualTo(Party.DEMOCRAT);
        assertThat(ny14.repVotes()).isEqualTo(20_202);
        assertThat(ny14.contest()).isEqualTo(HouseResult.Contest.CONTESTED);
        assertThat(ny14.demTwoPartyShare().getAsDouble()).isCloseTo(110318.0 / 130520, within(1e-12));
        assertThat(r.onBallot(2018, DistrictId.parse("NY-14"), "JOSEPH CROWLEY"))
                .isTrue();
        assertThat(r.onBallot(2018, DistrictId.parse("NY-14"), "BLANK")).isFalse();
    }

    @Test
    void floridasOneVoteRowsAreUncontestedAndGiveNoShare() throws IOException {
        HouseResults r = parse("""
                2024,FLORIDA,FL,12,59,43,US HOUSE,20,GEN,FALSE,FALSE,SHEILA CHERFILUS-MCCORMICK,DEMOCRAT,FALSE,TOTAL,1,-1,FALSE,20250910,FALSE
                2020,FLORIDA,FL,12,59,43,US HOUSE,25,GEN,FALSE,FALSE,MARIO DIAZ-BALART,REPUBLICAN,FALSE,TOTAL,-1,-1,FALSE,20250910,FALSE
                """);
        HouseResult fl20 = r.result(2024, DistrictId.parse("FL-20")).orElseThrow();
        assertThat(fl20.contest()).isEqualTo(HouseResult.Contest.UNCONTESTED);
        assertThat(fl20.votesUncounted()).isTrue();
        assertThat(fl20.demTwoPartyShare()).isEmpty();
        assertThat(fl20.winnerParty()).isEqualTo(Party.DEMOCRAT);
        HouseResult fl25 = r.result(2020, DistrictId.parse("FL-25")).orElseThrow();
        assertThat(fl25.repVotes()).isZero();
        assertThat(fl25.winnerParty()).isEqualTo(Party.REPUBLICAN);
    }

    @Test
    void aTopTwoRaceBetweenTwoDemocratsIsNoTwoPartyContest() throws IOException {
        HouseResults r = parse("""
                2024,CALIFORNIA,CA,6,93,71,US HOUSE,37,GEN,FALSE,FALSE,SYDNEY KAMLAGER-DOVE,DEMOCRAT,FALSE,TOTAL,100,200,FALSE,20250910,FALSE
                2024,CALIFORNIA,CA,6,93,71,US HOUSE,37,GEN,FALSE,FALSE,OTHER DEMOCRAT,DEMOCRAT,FALSE,TOTAL,50,200,FALSE,20250910,FALSE
                2024,DISTRICT OF COLUMBIA,DC,11,98,55,US HOUSE,0,GEN,FALSE,FALSE,DELEGATE,DEMOCRAT,FALSE,TOTAL,50,200,FALSE,20250910,FALSE
                """);
        HouseResult ca37 = r.result(2024, DistrictId.parse("CA-37")).orElseThrow();
        assertThat(ca37.contest()).isEqualTo(HouseResult.Contest.NO_TWO_PARTY_CONTEST);
        assertThat(ca37.demTwoPartyShare()).isEmpty();
        assertThat(r.year(2024)).doesNotContainKey(DistrictId.parse("DC-01"));
    }

    @Test
    void consecutiveWinsCountBackUntilSomeoneElseWon() {
        HouseResults bundled = HouseResults.bundled();
        DistrictId ny14 = DistrictId.parse("NY-14");
        assertThat(bundled.consecutiveWins(ny14, "ALEXANDRIA OCASIO-CORTEZ", 2024))
                .isEqualTo(4);
        assertThat(bundled.consecutiveWins(ny14, "JOSEPH CROWLEY", 2016)).isEqualTo(3);
    }
}
