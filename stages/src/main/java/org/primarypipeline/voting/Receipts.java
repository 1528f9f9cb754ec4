package org.primarypipeline.voting;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The published receipt chain of a counted round: every entry's sequence number, the receipt before it
 * and its receipt, and whether it is the one counted for its member (a changed ballot leaves earlier
 * entries uncounted). Nothing here names a member or a ranking; publication starts once the round has
 * been counted and closed, so no one watches ballots arrive. Exactly the counted chain is published and
 * checked: entries 1 to the chain length the round was sealed and counted with.
 */
@Repository
public class Receipts {

    public record Entry(long seq, String previous, String receipt, boolean counted) {}

    public record Publication(String cycleId, String chainHead, long chainLength, int countedBallots) {}

    public record Check(boolean found, Long seq, boolean counted, String chainHead) {}

    private final JdbcClient jdbc;

    public Receipts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The chain head and length as counted, once the round is over; empty before. */
    public Optional<Publication> publication(String cycleId) {
        return jdbc.sql("""
                select r.chain_head, r.chain_length, r.ballots from cycle_result r join cycle c on c.id = r.cycle_id
                where r.cycle_id = ? and r.chain_head is not null
                  and (c.status <> 'RUNNING' or c.stage not in ('PLEDGE_VETTING', 'NOMINATION_WINDOW', 'VOTING_ROUND'))
                """)
                .param(cycleId)
                .query((rs, n) -> new Publication(cycleId, rs.getString(1), rs.getLong(2), rs.getInt(3)))
                .optional();
    }

    /** Entries after {@code afterSeq}, in chain order, at most {@code limit}. */
    public List<Entry> entries(String cycleId, long afterSeq, int limit) {
        Optional<Publication> published = publication(cycleId);
        if (published.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                select r.seq, r.previous, r.receipt, coalesce(b.receipt_seq = r.seq, false)
                from ballot_receipt r
                left join ballot b on b.cycle_id = r.cycle_id and b.member_id = r.member_id
                where r.cycle_id = ? and r.seq > ? and r.seq <= ?
                order by r.seq limit ?
                """)
                .params(cycleId, afterSeq, published.get().chainLength(), limit)
                .query((rs, n) -> new Entry(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBoolean(4)))
                .list();
    }

    /** Whether this receipt is in the published chain, and counted. */
    public Optional<Check> check(String cycleId, String receipt) {
        Optional<Publication> published = publication(cycleId);
        if (published.isEmpty()) {
            return Optional.empty();
        }
        String code = receipt == null
                ? ""
                : receipt.strip().toLowerCase(java.util.Locale.ROOT).replace(" ", "");
        return Optional.of(jdbc.sql("""
                        select r.seq, coalesce(b.receipt_seq = r.seq, false)
                        from ballot_receipt r
                        left join ballot b on b.cycle_id = r.cycle_id and b.member_id = r.member_id
                        where r.cycle_id = ? and r.receipt = ? and r.seq <= ?
                        """)
                .params(cycleId, code, published.get().chainLength())
                .query((rs, n) -> new Check(
                        true, rs.getLong(1), rs.getBoolean(2), published.get().chainHead()))
                .optional()
                .orElse(new Check(false, null, false, published.get().chainHead())));
    }
}
