package org.primarypipeline.benchmarks;

import java.sql.Array;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.primarypipeline.benchmarks.CastSchedule.Confirmed;
import org.primarypipeline.voting.BallotSeal;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code ballots.lost}, read from PostgreSQL after the seal: a ballot the app confirmed (answered 200
 * with a receipt) is lost when its receipt is not the sealed chain's entry of that number for that
 * member, or when the member's counted ballot is older than the latest one confirmed to them or ranks
 * differently from it.
 */
final class SealedChainCheck {

    private record Entry(long memberId, String receipt) {}

    private record Counted(long seq, List<Long> ranking) {}

    private SealedChainCheck() {}

    static int lost(JdbcClient jdbc, BallotSeal seal, List<Confirmed> confirmed) {
        Map<Long, Entry> chain = new HashMap<>();
        jdbc.sql("select seq, member_id, receipt from ballot_receipt where cycle_id = ? and seq <= ?")
                .params(seal.cycleId(), seal.chainLength())
                .query((rs, n) -> chain.put(rs.getLong(1), new Entry(rs.getLong(2), rs.getString(3))))
                .list();
        Map<Long, Confirmed> latest = new HashMap<>();
        int lost = 0;
        for (Confirmed c : confirmed) {
            Entry entry = chain.get(c.seq());
            if (entry == null
                    || entry.memberId() != c.memberId()
                    || !entry.receipt().equals(c.code())) {
                lost++;
            }
            latest.merge(c.memberId(), c, (a, b) -> a.seq() >= b.seq() ? a : b);
        }
        Map<Long, Counted> counted = new HashMap<>();
        jdbc.sql("select member_id, receipt_seq, ranking from ballot where cycle_id = ? and member_id = any(?)")
                .params(seal.cycleId(), latest.keySet().toArray(Long[]::new))
                .query((rs, n) -> counted.put(rs.getLong(1), new Counted(rs.getLong(2), ranking(rs.getArray(3)))))
                .list();
        for (Confirmed last : latest.values()) {
            Counted ballot = counted.get(last.memberId());
            // a later entry than any confirmed one can only come from a post whose answer was lost (an error)
            if (ballot == null
                    || ballot.seq() < last.seq()
                    || (ballot.seq() == last.seq() && !ballot.ranking().equals(last.ranking()))) {
                lost++;
            }
        }
        return lost;
    }

    private static List<Long> ranking(Array array) throws SQLException {
        return Arrays.asList((Long[]) array.getArray());
    }
}
