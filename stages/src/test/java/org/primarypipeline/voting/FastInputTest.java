package org.primarypipeline.voting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.primarypipeline.core.vote.Ballot;
import org.primarypipeline.core.vote.FlowPolicy;
import org.primarypipeline.core.vote.ProxyShare;
import org.primarypipeline.core.vote.TallyMethod;
import org.primarypipeline.core.vote.VoteCount;
import org.primarypipeline.core.vote.VoteInput;
import org.primarypipeline.core.vote.VoteResult;
import org.primarypipeline.core.vote.VoteScenario;

/** The numeric fast path from rows to the engine gives what the string-keyed input gives. */
class FastInputTest {

    @Test
    void memberIdsAreIndexedInTheirStringOrder() {
        SplittableRandom random = new SplittableRandom(7);
        long[] ids = new long[2000];
        for (int i = 0; i < ids.length; i++) {
            // short and long ids, powers of ten and their neighbours, where string and number order part
            ids[i] = switch (i % 4) {
                case 0 -> 1 + random.nextLong(1_000);
                case 1 -> (long) Math.pow(10, 1 + random.nextInt(15)) + random.nextInt(3) - 1;
                case 2 -> 1 + random.nextLong(99_999_999_999_999L);
                default -> 10 * (1 + random.nextLong(100_000));
            };
        }
        long[] distinct = Arrays.stream(ids).filter(id -> id > 0).distinct().toArray();
        MemberIndex index = MemberIndex.of(distinct, distinct.length);
        List<String> expected =
                new ArrayList<>(Arrays.stream(distinct).mapToObj(Long::toString).toList());
        expected.sort(null);
        List<String> actual = new ArrayList<>();
        for (int i = 0; i < index.size(); i++) {
            actual.add(index.id(i));
            assertThat(index.indexOf(index.id(i))).isEqualTo(i);
            assertThat(index.indexOf(Long.parseLong(index.id(i)))).isEqualTo(i);
        }
        assertThat(actual).isEqualTo(expected);
        assertThat(index.indexOf("007")).isEqualTo(-1);
        assertThat(index.indexOf(-3L)).isEqualTo(-1);
    }

    @Test
    void rowsCountExactlyAsTheStringKeyedInputOfTheSameRows() {
        VoteInput scenario = VoteScenario.generate(20_000, 3.0, 0.25, 10, 11L).toVoteInput();
        VoteRows rows = new VoteRows();
        List<String> members = new ArrayList<>();
        // scenario ids m00000.. become numbers 1..n, nominees 1001..; rows arrive in reverse, as COPY may
        for (int i = scenario.members().size() - 1; i >= 0; i--) {
            rows.addElectorate(number(scenario.members().get(i)));
            members.add(Long.toString(number(scenario.members().get(i))));
        }
        List<ProxyShare> proxies = new ArrayList<>();
        for (ProxyShare p : reversed(scenario.proxies())) {
            rows.addProxy(number(p.memberId()), number(p.proxyId()), p.units());
            proxies.add(
                    new ProxyShare(Long.toString(number(p.memberId())), Long.toString(number(p.proxyId())), p.units()));
        }
        List<Ballot> ballots = new ArrayList<>();
        for (Ballot b : reversed(scenario.ballots())) {
            List<Long> ranking = b.ranking().stream()
                    .map(n -> 1000L + Long.parseLong(n.substring("nominee-".length())))
                    .toList();
            rows.addBallot(number(b.memberId()), ranking, null, 0);
            ballots.add(new Ballot(
                    Long.toString(number(b.memberId())),
                    ranking.stream().map(String::valueOf).toList()));
        }
        for (TallyMethod method : TallyMethod.values()) {
            VoteResult fast = VoteCount.count(rows.toInput(FlowPolicy.SMARTOCRACY, method, 99L));
            VoteResult plain =
                    VoteCount.count(new VoteInput(members, proxies, ballots, FlowPolicy.SMARTOCRACY, method, 99L));
            assertThat(fast.weights()).isEqualTo(plain.weights());
            assertThat(fast.rounds()).isEqualTo(plain.rounds());
            assertThat(fast.winner()).isEqualTo(plain.winner());
            assertThat(fast.runnerUp()).isEqualTo(plain.runnerUp());
            assertThat(fast.unexercisedCycles())
                    .isEqualTo(plain.unexercisedCycles())
                    .isPositive();
            assertThat(fast.unexercisedDeadEnds())
                    .isEqualTo(plain.unexercisedDeadEnds())
                    .isPositive();
        }
    }

    @Test
    void copyRowsAreParsedColumnByColumn() {
        VoteRows rows = new VoteRows();
        rows.accept(VoteRowSet.ELECTORATE, "42\n".getBytes());
        rows.accept(VoteRowSet.PROXIES, "42\t7\t10\n".getBytes());
        rows.accept(VoteRowSet.BALLOTS, "7\t{12,5,130}\tabc\t3\n".getBytes());
        rows.accept(VoteRowSet.BALLOTS, "42\t{5}\t\\N\t\\N\n".getBytes());
        rows.accept(VoteRowSet.RECEIPTS, "3\t7\tprev\tabc\t\\N\n".getBytes());
        rows.accept(VoteRowSet.WEIGHTS, "7\t2.500000000000\n".getBytes());
        assertThat(rows.electorateCount()).isEqualTo(1);
        assertThat(rows.proxyCount()).isEqualTo(1);
        assertThat(rows.ballotRanking(0)).isEqualTo("12>5>130");
        assertThat(rows.ballotReceipt(0)).isEqualTo("abc");
        assertThat(rows.ballotReceiptSeq(0)).isEqualTo(3);
        assertThat(rows.ballotReceipt(1)).isNull();
        assertThat(rows.chainPrevious(0)).isEqualTo("prev");
        assertThat(rows.weight(0)).isEqualByComparingTo("2.5");
    }

    private static <T> List<T> reversed(List<T> list) {
        List<T> copy = new ArrayList<>(list);
        java.util.Collections.reverse(copy);
        return copy;
    }

    private static long number(String scenarioId) {
        return Long.parseLong(scenarioId.substring(1)) + 1;
    }
}
