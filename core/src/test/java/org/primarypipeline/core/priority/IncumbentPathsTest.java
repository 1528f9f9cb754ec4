package org.primarypipeline.core.priority;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.primarypipeline.core.district.DistrictId;

/**
 * The paths on named real seats of the 2026 ranking (the bundled 119th Congress scores), and the
 * rules behind them on a made-up seat.
 */
class IncumbentPathsTest {

    private static final List<DistrictFacts> FACTS = PublicDataFacts.plan2026();
    private static final Map<DistrictId, DistrictPriority> RANKED =
            PriorityModel.withDefaults().rank(FACTS, Map.of()).stream()
                    .collect(Collectors.toMap(DistrictPriority::district, Function.identity()));

    private static DistrictPriority seat(String district) {
        return RANKED.get(DistrictId.parse(district));
    }

    private static CaucusStanding standing(int rank, double rightOfSeat) {
        return new CaucusStanding(119, "DW-NOMINATE", -0.4, 0.0, rank, 200, -0.4 - rightOfSeat);
    }

    @Test
    void progressiveIncumbentsInSafeSeatsAreAllies() {
        for (String district : List.of("NY-14", "MA-07", "MI-12", "MN-05", "NY-07")) {
            DistrictPriority p = seat(district);
            assertThat(p.path()).as(district).isEqualTo(Path.ALLY);
            assertThat(p.generalWin()).as(district).isGreaterThan(0.99);
            assertThat(p.pathReason()).as(district).contains("most progressive", "ask for the pledge");
            assertThat(p.incumbent().shareFromLeft()).as(district).isLessThanOrEqualTo(0.25);
        }
        assertThat(seat("NY-14").pathReason()).contains("Ocasio-Cortez");
        assertThat(seat("NY-14").incumbent().rankFromLeft()).isLessThanOrEqualTo(10);
        assertThat(seat("MA-07").pathReason()).contains("Pressley");
    }

    @Test
    void aModerateIncumbentInADeepBlueSeatIsAChallengeTarget() {
        // Stephen Lynch, MA-08: D+29, in the caucus's right half, to the right of what such seats elect.
        DistrictPriority lynch = seat("MA-08");
        assertThat(lynch.lean()).startsWith("D+");
        assertThat(Integer.parseInt(lynch.lean().replaceAll("^D\\+(\\d+).*", "$1")))
                .isGreaterThanOrEqualTo(25);
        assertThat(lynch.path()).isEqualTo(Path.PRIMARY_CHALLENGE);
        assertThat(lynch.incumbent().shareFromLeft()).isGreaterThan(0.5);
        assertThat(lynch.incumbent().rightOfSeat()).isPositive();
        assertThat(lynch.contributions().get("primary.record")).isPositive();
        assertThat(lynch.pathReason()).contains("Lynch", "to the right of what such seats usually elect");
        assertThat(seat("TX-28").path()).isEqualTo(Path.PRIMARY_CHALLENGE);
    }

    @Test
    void anOpenSeatStaysOpenWhateverItsDepartingMemberVoted() {
        // Nadler (NY-12) is among the caucus's most progressive, but he is not running: the seat is open.
        DistrictPriority nadlersSeat = seat("NY-12");
        assertThat(nadlersSeat.incumbent().shareFromLeft()).isLessThanOrEqualTo(0.25);
        assertThat(nadlersSeat.path()).isEqualTo(Path.OPEN_DEMOCRATIC_SEAT);
        assertThat(seat("GA-13").path()).isEqualTo(Path.OPEN_DEMOCRATIC_SEAT);
    }

    @Test
    void theRulesOnAMadeUpSeat() {
        PriorityModel model = PriorityModel.withDefaults();
        FactsFixture progressive = FactsFixture.democraticSeat().lean(0.80);
        progressive.member = new SittingMember("Left Member", Party.DEMOCRAT, 6, standing(5, -0.1));
        FactsFixture moderate = FactsFixture.democraticSeat().lean(0.625); // D+25
        moderate.member = new SittingMember("Right Member", Party.DEMOCRAT, 6, standing(150, 0.4));
        FactsFixture open = FactsFixture.democraticSeat().lean(0.80).open("retiring");
        open.member = new SittingMember("Left Member", Party.DEMOCRAT, 6, standing(5, -0.1));
        FactsFixture unknown = FactsFixture.democraticSeat();

        assertThat(model.assess(progressive.build(), SupporterStrength.NONE).path())
                .isEqualTo(Path.ALLY);
        DistrictPriority target = model.assess(moderate.build(), SupporterStrength.NONE);
        assertThat(target.path()).isEqualTo(Path.PRIMARY_CHALLENGE);
        assertThat(target.lean()).startsWith("D+25");
        assertThat(model.assess(open.build(), SupporterStrength.NONE).path()).isEqualTo(Path.OPEN_DEMOCRATIC_SEAT);
        DistrictPriority noScore = model.assess(unknown.build(), SupporterStrength.NONE);
        assertThat(noScore.path()).isEqualTo(Path.PRIMARY_CHALLENGE);
        assertThat(noScore.gaps()).anyMatch(g -> g.startsWith(Gaps.NO_ROLL_CALL_SCORE));

        // The further right of the seat, the better a challenger's chance; the ally share moves the line.
        FactsFixture further = FactsFixture.democraticSeat().lean(0.625);
        further.member = new SittingMember("Right Member", Party.DEMOCRAT, 6, standing(150, 0.6));
        assertThat(model.assess(further.build(), SupporterStrength.NONE).primaryWin())
                .isGreaterThan(target.primaryWin());
        assertThat(new PriorityModel(PriorityWeights.parse("allyShare=0.01"))
                        .assess(progressive.build(), SupporterStrength.NONE)
                        .path())
                .isEqualTo(Path.PRIMARY_CHALLENGE);
    }

    @Test
    void theCaucusIsRankedFromTheLeft() {
        DemocraticCaucus caucus = DemocraticCaucus.current();
        assertThat(caucus.congress()).isEqualTo(119);
        assertThat(caucus.size()).isBetween(210, 225);
    }

    @Test
    void pathsParseFromTheirShortNames() {
        assertThat(List.of("ally", "challenge", "open", "flip", "third").stream()
                        .map(Path::parse)
                        .toList())
                .containsExactly(
                        Path.ALLY,
                        Path.PRIMARY_CHALLENGE,
                        Path.OPEN_DEMOCRATIC_SEAT,
                        Path.FLIP_REPUBLICAN_SEAT,
                        Path.INDEPENDENT);
        assertThat(Path.parse("PRIMARY_CHALLENGE")).isEqualTo(Path.PRIMARY_CHALLENGE);
        assertThat(Path.parse("nonsense")).isNull();
    }
}
