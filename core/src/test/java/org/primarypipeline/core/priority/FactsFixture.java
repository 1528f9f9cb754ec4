package org.primarypipeline.core.priority;

import java.util.ArrayList;
import java.util.List;
import org.primarypipeline.core.district.DistrictId;

/** A made-up district with every input present, changed one input at a time by the tests. */
final class FactsFixture {

    DistrictId district = DistrictId.parse("OH-09");
    double pres2024 = 0.5;
    Double pres2020 = 0.5;
    HouseResult lastHouse = contested(0.5);
    SittingMember member = new SittingMember("Pat Member", Party.REPUBLICAN, 6);
    Party holder = Party.REPUBLICAN;
    String openSeat = null;
    boolean redrawn = false;
    long raceSpendDollars = 3_000_000;
    Demographics demographics = new Demographics(
            Reference.POPULATION,
            Reference.PEOPLE_PER_SQUARE_MILE,
            Reference.PEOPLE_OF_COLOUR_SHARE,
            Reference.DEGREE_SHARE);
    List<String> gaps = new ArrayList<>();

    static FactsFixture republicanSeat() {
        return new FactsFixture();
    }

    static FactsFixture democraticSeat() {
        FactsFixture f = new FactsFixture();
        f.member = new SittingMember("Dana Member", Party.DEMOCRAT, 10);
        f.holder = Party.DEMOCRAT;
        f.pres2024 = 0.70;
        f.pres2020 = 0.70;
        f.lastHouse = contested(0.70);
        return f;
    }

    FactsFixture lean(double share) {
        pres2024 = share;
        pres2020 = share;
        lastHouse = contested(share);
        return this;
    }

    FactsFixture open(String basis) {
        openSeat = basis;
        return this;
    }

    static HouseResult contested(double demShare) {
        long dem = Math.round(demShare * 300_000);
        return new HouseResult(
                2024,
                demShare >= 0.5 ? "DANA MEMBER" : "PAT MEMBER",
                demShare >= 0.5 ? Party.DEMOCRAT : Party.REPUBLICAN,
                dem,
                300_000 - dem,
                HouseResult.Contest.CONTESTED,
                true);
    }

    DistrictFacts build() {
        List<PresidentialResult> pres = new ArrayList<>();
        pres.add(new PresidentialResult(2024, pres2024, "test"));
        if (pres2020 != null) {
            pres.add(new PresidentialResult(2020, pres2020, "test"));
        }
        List<RaceMoney> money = raceSpendDollars < 0
                ? List.of()
                : List.of(
                        new RaceMoney(2022, raceSpendDollars, raceSpendDollars, 2, true),
                        new RaceMoney(2024, raceSpendDollars, raceSpendDollars, 2, true));
        return new DistrictFacts(
                district, 2026, redrawn, pres, lastHouse, member, holder, openSeat, money, demographics, gaps);
    }
}
