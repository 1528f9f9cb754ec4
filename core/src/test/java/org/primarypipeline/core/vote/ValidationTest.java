package org.primarypipeline.core.vote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.primarypipeline.core.vote.InvalidVoteInputException.Problem.BLANK_MEMBER;
import static org.primarypipeline.core.vote.InvalidVoteInputException.Problem.BLANK_NOMINEE;
import static org.primarypipeline.core.vote.InvalidVoteInputException.Problem.DUPLICATE_BALLOT;
import static org.primarypipeline.core.vote.InvalidVoteInputException.Problem.DUPLICATE_MEMBER;
import static org.primarypipeline.core.vote.InvalidVoteInputException.Problem.DUPLICATE_PROXY;
import static org.primarypipeline.core.vote.InvalidVoteInputException.Problem.EMPTY_RANKING;
import static org.primarypipeline.core.vote.InvalidVoteInputException.Problem.PROXY_TO_SELF;
import static org.primarypipeline.core.vote.InvalidVoteInputException.Problem.REPEATED_NOMINEE;
import static org.primarypipeline.core.vote.InvalidVoteInputException.Problem.TOO_MANY_PROXIES;
import static org.primarypipeline.core.vote.InvalidVoteInputException.Problem.UNITS_NOT_POSITIVE;
import static org.primarypipeline.core.vote.InvalidVoteInputException.Problem.UNITS_NOT_TEN;
import static org.primarypipeline.core.vote.InvalidVoteInputException.Problem.UNKNOWN_DELEGATOR;
import static org.primarypipeline.core.vote.InvalidVoteInputException.Problem.UNKNOWN_PROXY;
import static org.primarypipeline.core.vote.InvalidVoteInputException.Problem.UNKNOWN_VOTER;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Each rule refused with the member at fault named. */
class ValidationTest {

    private static Votes group() {
        return Votes.of("Ana", "Ben", "Cy", "Dee", "Eve", "Fay", "Gus", "Hal", "Ida", "Jo", "Kit", "Lu");
    }

    @Test
    void unknownMembers() {
        refused(group().proxy("Zed", "Ana", 10), UNKNOWN_DELEGATOR, "Zed", List.of("Ana"), "not in the electorate");
        refused(
                group().proxy("Ana", "Zed", 10),
                UNKNOWN_PROXY,
                "Ana",
                List.of("Zed"),
                "Zed, who is not in the electorate");
        refused(
                group().ballot("Zed", "X"),
                UNKNOWN_VOTER,
                "Zed",
                List.of(),
                "cast a ballot but is not in the electorate");
    }

    @Test
    void proxyRules() {
        refused(group().proxy("Ana", "Ana", 10), PROXY_TO_SELF, "Ana", List.of("Ana"), "names themself as a proxy");
        refused(
                group().proxy("Ana", "Ben", 6).proxy("Ana", "Cy", 3),
                UNITS_NOT_TEN,
                "Ana",
                List.of(),
                "proxy units sum to 9; they must sum to 10");
        refused(
                group().proxy("Ana", "Ben", 11).proxy("Ana", "Cy", -1),
                UNITS_NOT_POSITIVE,
                "Ana",
                List.of("Cy"),
                "gives proxy Cy -1 units");
        refused(
                group().proxy("Ana", "Ben", 0).proxy("Ana", "Cy", 10),
                UNITS_NOT_POSITIVE,
                "Ana",
                List.of("Ben"),
                "gives proxy Ben 0 units");
        refused(
                group().proxy("Ana", "Ben", 5).proxy("Ana", "Ben", 5),
                DUPLICATE_PROXY,
                "Ana",
                List.of("Ben"),
                "names proxy Ben twice");
        Votes eleven = group();
        for (String proxy : List.of("Ben", "Cy", "Dee", "Eve", "Fay", "Gus", "Hal", "Ida", "Jo", "Kit", "Lu")) {
            eleven.proxy("Ana", proxy, 1);
        }
        refused(eleven, TOO_MANY_PROXIES, "Ana", List.of(), "names 11 proxies; at most 10");
    }

    @Test
    void ballotRules() {
        refused(
                group().ballot("Ana", "X").ballot("Ana", "Y"),
                DUPLICATE_BALLOT,
                "Ana",
                List.of(),
                "cast more than one ballot");
        refused(group().ballot("Ana", ""), EMPTY_RANKING, "Ana", List.of(), "ranks no nominee");
        refused(group().ballot("Ana", "X>Y>X"), REPEATED_NOMINEE, "Ana", List.of("X"), "ranks X more than once");
        refused(group().ballot("Ana", "X> "), BLANK_NOMINEE, "Ana", List.of(), "ranks a blank nominee");
    }

    @Test
    void electorateRules() {
        refused(Votes.of("Ana", "Ben", "Ana"), DUPLICATE_MEMBER, "Ana", List.of(), "listed twice");
        refused(Votes.of("Ana", " "), BLANK_MEMBER, " ", List.of(), "blank member id");
    }

    @Test
    void tenWholeUnitsOverUpToTenProxiesAreFine() {
        Votes ten = group();
        for (String proxy : List.of("Ben", "Cy", "Dee", "Eve", "Fay", "Gus", "Hal", "Ida", "Jo", "Kit")) {
            ten.proxy("Ana", proxy, 1);
        }
        assertThat(ten.ballot("Ben", "X").count().weights()).containsKey("Ben");
    }

    @Test
    void theSameFaultIsReportedWhateverTheRowOrder() {
        Votes one = group().proxy("Cy", "Cy", 10).proxy("Ana", "Ana", 10);
        Votes other = group().proxy("Ana", "Ana", 10).proxy("Cy", "Cy", 10);
        assertThatThrownBy(one::count).hasMessage("member Ana names themself as a proxy");
        assertThatThrownBy(other::count).hasMessage("member Ana names themself as a proxy");
    }

    private static void refused(
            Votes votes, InvalidVoteInputException.Problem problem, String member, List<String> ids, String reason) {
        assertThatThrownBy(votes::count).isInstanceOfSatisfying(InvalidVoteInputException.class, e -> {
            assertThat(e.problem()).isEqualTo(problem);
            assertThat(e.memberId()).isEqualTo(member);
            assertThat(e.ids()).isEqualTo(ids);
            assertThat(e.getMessage()).contains(reason);
            if (problem != BLANK_MEMBER) {
                assertThat(e.getMessage()).contains("member " + member);
            }
        });
    }
}
