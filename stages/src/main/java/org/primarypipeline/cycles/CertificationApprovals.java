package org.primarypipeline.cycles;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The staff approvals of a cycle's winner, one row each ({@code certification_approval}). The ledger
 * activity writes them with the timeline event; the dashboard counts them and the resumer starts a
 * workflow again with them, so a restart keeps the four-eyes count.
 */
@Repository
public class CertificationApprovals {

    /** A running cycle in certification and how many staff approved its current winner so far. */
    public record Awaiting(String cycleId, int approvals) {}

    /** The winner a cycle's result names now, and who approved that winner, in the order they did. */
    public record Standing(Long winner, List<String> approvers) {}

    private final JdbcClient jdbc;

    public CertificationApprovals(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds one approval; the same actor approving the same winner again (a retried activity) adds nothing. */
    public boolean record(String cycleId, long winner, String actor) {
        return jdbc.sql("""
                insert into certification_approval (cycle_id, winner, actor) values (?, ?, ?)
                on conflict (cycle_id, winner, actor) do nothing
                """).params(cycleId, winner, actor).update() == 1;
    }

    /**
     * Approvals of the winner the stored result names now: a winner who withdrew took their approvals
     * with them, so those of an earlier winner do not count.
     */
    public Standing standing(String cycleId) {
        Optional<Long> winner = jdbc.sql("select winner from cycle_result where cycle_id = ?")
                .param(cycleId)
                .query(Long.class)
                .optional();
        List<String> approvers = winner.map(w ->
                        jdbc.sql("""
                select actor from certification_approval where cycle_id = ? and winner = ? order by id
                """).params(cycleId, w).query(String.class).list())
                .orElse(List.of());
        return new Standing(winner.orElse(null), approvers);
    }

    /** Running cycles in certification, those waiting longest first, with their current winner's approvals. */
    public List<Awaiting> awaiting(int limit) {
        return jdbc.sql("""
                select y.id, (select count(*) from certification_approval a join cycle_result r
                                on r.cycle_id = a.cycle_id and r.winner = a.winner
                              where a.cycle_id = y.id) as approvals
                from cycle y where y.status = 'RUNNING' and y.stage = 'CERTIFICATION'
                order by y.updated_at, y.id limit ?
                """)
                .param(limit)
                .query((rs, n) -> new Awaiting(rs.getString("id"), rs.getInt("approvals")))
                .list();
    }
}
