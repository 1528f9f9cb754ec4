package org.primarypipeline.voting;

import java.sql.Array;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.primarypipeline.cycles.Durations;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The electorate, proxy lists, ballots and receipts of a cycle, as the vote engine and the recount take them. */
@Repository
public class BallotBox {

    /** A member's counted ballot: for that member's own page only, never for staff. */
    public record OwnBallot(List<Long> ranking, Receipt receipt) {}

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final Duration minMembershipAge;

    public BallotBox(
            JdbcClient jdbc,
            DataSource dataSource,
            @Value("${pp.vote.min-membership-age:7d}") String minMembershipAge) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.minMembershipAge = Durations.parse("pp.vote.min-membership-age", minMembershipAge, Duration.ofDays(7));
        if (this.minMembershipAge.isNegative()) {
            throw new IllegalArgumentException("pp.vote.min-membership-age: must not be negative");
        }
    }

    /**
     * Freezes the electorate: the district group's members whose joining was confirmed and who joined
     * the group at least {@code pp.vote.min-membership-age} before the round opened (the cut-off, kept
     * with the cycle). A group joined last minute, by a move or a flood of sign-ups, gets no ballot in a
     * round already about to open. A second call adds nobody and keeps the first cut-off.
     * <p>
     * Nobody is frozen into two rounds at once: a member still in the frozen electorate of another
     * cycle's voting round (they moved here from that group while its round was open) is left out, sealed
     * or not, since a sealed round can still reopen for its one quorum extension. They vote in the round
     * they were frozen into, and here from this group's next round.
     */
    public int freezeElectorate(String cycleId) {
        if (jdbc.sql("select count(*) from electorate where cycle_id = ?")
                        .param(cycleId)
                        .query(Integer.class)
                        .single()
                == 0) {
            jdbc.sql("""
                    update cycle set electorate_cutoff = coalesce(electorate_cutoff, now() - make_interval(secs => ?))
                    where id = ?
                    """)
                    .params((double) minMembershipAge.toMillis() / 1000.0, cycleId)
                    .update();
            // members who joined through the public API before confirmation existed are marked UNCONFIRMED
            jdbc.sql("""
                    insert into electorate (cycle_id, member_id)
                    select c.id, gm.member_id
                    from cycle c
                    join district_group g on g.plan_id = c.plan_id and g.district_id = c.district_id
                    join group_membership gm on gm.group_id = g.id and gm.left_at is null and gm.joined_at <= c.electorate_cutoff
                    where c.id = ?
                      and not exists (select 1 from member m where m.id = gm.member_id and m.joined_via = 'UNCONFIRMED')
                      and not exists (select 1 from electorate o join cycle oc on oc.id = o.cycle_id
                                      where o.member_id = gm.member_id and o.cycle_id <> c.id
                                        and oc.status = 'RUNNING' and oc.stage = 'VOTING_ROUND')
                    on conflict do nothing
                    """).param(cycleId).update();
        }
        return electorateSize(cycleId);
    }

    /** Who may vote in the round: members who had joined by then (null before the round opens). */
    public Optional<Instant> electorateCutoff(String cycleId) {
        return jdbc.sql("select electorate_cutoff from cycle where id = ? and electorate_cutoff is not null")
                .param(cycleId)
                .query(java.sql.Timestamp.class)
                .optional()
                .map(java.sql.Timestamp::toInstant);
    }

    public int electorateSize(String cycleId) {
        return jdbc.sql("select count(*) from electorate where cycle_id = ?")
                .param(cycleId)
                .query(Integer.class)
                .single();
    }

    /** The seed is drawn once and then kept: a retried activity publishes the same one. */
    public long publishSeed(String cycleId, long candidate) {
        return jdbc.sql("update cycle set vote_seed = coalesce(vote_seed, ?) where id = ? returning vote_seed")
                .params(candidate, cycleId)
                .query(Long.class)
                .single();
    }

    public boolean inElectorate(String cycleId, long memberId) {
        return jdbc.sql("select count(*) from electorate where cycle_id = ? and member_id = ?")
                        .params(cycleId, memberId)
                        .query(Integer.class)
                        .single()
                > 0;
    }

    /**
     * Casts or replaces a member's ballot and appends its receipt to the cycle's chain. Appends to one
     * cycle's chain and its seal are serialised by a transaction-scoped advisory lock, so two ballots
     * stored at the same moment cannot both claim the same sequence number, and whether the round is
     * still open (no seal, deadline ahead) is decided under the same lock as the append: a ballot is
     * either in the sealed chain or refused. The receipt carries the ballot's fresh secret, which is
     * never stored (only its hash is).
     *
     * @throws VotingClosedException when the round has been sealed or its deadline has passed
     */
    @Transactional
    public Receipt castForReceipt(String cycleId, long memberId, List<Long> ranking) {
        return append(cycleId, memberId, ranking, null);
    }

    /**
     * As {@link #castForReceipt}, from a form showing the member's ballot as of receipt {@code shownSeq}
     * (0: none yet). When the member's ballot has changed since that form was shown and is already this
     * ranking, the form was sent twice (a double click, a resent request): it is processed once, and
     * the stored receipt is returned without a secret (the first answer had it, and the receipt email).
     */
    @Transactional
    public Receipt castOnce(String cycleId, long memberId, List<Long> ranking, long shownSeq) {
        return append(cycleId, memberId, ranking, shownSeq);
    }

    /** As {@link #castForReceipt}, for callers that do not show the receipt. */
    @Transactional
    public void cast(String cycleId, long memberId, List<Long> ranking) {
        append(cycleId, memberId, ranking, null);
    }

    private void lockChain(String cycleId) {
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended('ballot-chain:' || ?, 0))")
                .param(cycleId)
                .query((rs, n) -> 1)
                .single();
    }

    private Receipt append(String cycleId, long memberId, List<Long> ranking, Long shownSeq) {
        lockChain(cycleId);
        record Head(
                long seq,
                String receipt,
                Instant sealedAt,
                Instant deadline,
                boolean inRound,
                boolean late,
                long ownSeq,
                String ownReceipt,
                boolean sameRanking) {}
        // one round trip under the lock: the chain's head, the seal in force, the round's state and the
        // member's ballot as it stands
        Head head = jdbc.sql("""
                select h.seq, h.receipt, s.sealed_at, c.stage_deadline,
                       c.status = 'RUNNING' and c.stage = 'VOTING_ROUND',
                       c.stage_deadline is not null and c.stage_deadline <= now(),
                       b.receipt_seq, b.receipt, b.ranking = ?::bigint[]
                from cycle c
                left join lateral (select seq, receipt from ballot_receipt r
                                   where r.cycle_id = c.id order by seq desc limit 1) h on true
                left join ballot_seal s on s.cycle_id = c.id and s.reopened_at is null
                left join ballot b on b.cycle_id = c.id and b.member_id = ?
                where c.id = ?
                """)
                .params(ranking.toArray(Long[]::new), memberId, cycleId)
                .query((rs, n) -> new Head(
                        rs.getLong(1),
                        rs.getString(2),
                        instant(rs.getTimestamp(3)),
                        instant(rs.getTimestamp(4)),
                        rs.getBoolean(5),
                        rs.getBoolean(6),
                        rs.getLong(7),
                        rs.getString(8),
                        rs.getBoolean(9)))
                .optional()
                .orElseThrow(() -> new IllegalArgumentException("no cycle " + cycleId));
        if (head.sealedAt() != null) {
            throw new VotingClosedException(cycleId, head.sealedAt());
        }
        if (!head.inRound()) {
            throw new IllegalStateException("ballots are cast in the voting round; cycle " + cycleId + " is not in it");
        }
        if (head.late()) {
            throw new VotingClosedException(cycleId, head.deadline());
        }
        if (shownSeq != null && head.ownReceipt() != null && head.ownSeq() != shownSeq && head.sameRanking()) {
            return new Receipt(head.ownSeq(), head.ownReceipt());
        }
        long seq = head.seq() + 1;
        String previous = head.receipt() == null ? ReceiptChain.GENESIS : head.receipt();
        String secret = ReceiptChain.newSecret();
        String secretHash = ReceiptChain.secretHash(secret);
        String receipt =
                ReceiptChain.receipt(previous, cycleId, memberId, ReceiptChain.ranking(ranking), seq, secretHash);
        jdbc.sql("""
                insert into ballot_receipt (cycle_id, seq, member_id, previous, receipt, secret_hash)
                values (?, ?, ?, ?, ?, ?)""")
                .params(cycleId, seq, memberId, previous, receipt, secretHash)
                .update();
        jdbc.sql("""
                insert into ballot (cycle_id, member_id, ranking, receipt, receipt_seq) values (?, ?, ?, ?, ?)
                on conflict (cycle_id, member_id) do update set ranking = excluded.ranking, cast_at = now(),
                    receipt = excluded.receipt, receipt_seq = excluded.receipt_seq
                """)
                .params(cycleId, memberId, ranking.toArray(Long[]::new), receipt, seq)
                .update();
        return new Receipt(seq, receipt, secret);
    }

    /**
     * Seals the round's chain at its current head, under the append's lock, in a transaction of its own
     * (committed before the caller goes on, so no ballot is appended while a count runs). A round already
     * sealed keeps its seal: closing twice, or the count after an early close, changes nothing.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public BallotSeal seal(String cycleId, String actor, String reason) {
        lockChain(cycleId);
        Optional<BallotSeal> inForce = sealInForce(cycleId);
        if (inForce.isPresent()) {
            return inForce.get();
        }
        jdbc.sql("""
                insert into ballot_seal (cycle_id, seal_no, chain_length, head_hash, reason, actor)
                select :cycle, coalesce((select max(seal_no) from ballot_seal where cycle_id = :cycle), 0) + 1,
                       coalesce(h.seq, 0), coalesce(h.receipt, :genesis), :reason, :actor
                from (select 1) one
                left join lateral (select seq, receipt from ballot_receipt
                                   where cycle_id = :cycle order by seq desc limit 1) h on true
                """)
                .param("cycle", cycleId)
                .param("genesis", ReceiptChain.GENESIS)
                .param("reason", reason)
                .param("actor", actor)
                .update();
        return sealInForce(cycleId).orElseThrow();
    }

    /**
     * Opens a sealed round again for its one automatic extension (no quorum): the seal stays on record
     * with the time it was reopened, and the next close seals the longer chain.
     */
    @Transactional
    public void reopen(String cycleId, String reason) {
        lockChain(cycleId);
        jdbc.sql("""
                update ballot_seal set reopened_at = now(), reopen_reason = ?
                where cycle_id = ? and reopened_at is null""").params(reason, cycleId).update();
    }

    /** The seal in force: what a count of this round reads. Empty while the round is open. */
    public Optional<BallotSeal> sealInForce(String cycleId) {
        return jdbc.sql("""
                select seal_no, chain_length, head_hash, sealed_at, reason, actor from ballot_seal
                where cycle_id = ? and reopened_at is null""")
                .param(cycleId)
                .query((rs, n) -> new BallotSeal(
                        cycleId,
                        rs.getInt(1),
                        rs.getLong(2),
                        rs.getString(3),
                        instant(rs.getTimestamp(4)),
                        rs.getString(5),
                        rs.getString(6)))
                .optional();
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    /** The member's own counted ballot and receipt, to show them on their ballot page. */
    public Optional<OwnBallot> ownBallot(String cycleId, long memberId) {
        return jdbc.sql("select ranking, receipt, receipt_seq from ballot where cycle_id = ? and member_id = ?")
                .params(cycleId, memberId)
                .query((rs, n) -> new OwnBallot(
                        ranking(rs.getArray(1)),
                        rs.getString(2) == null ? null : new Receipt(rs.getLong(3), rs.getString(2))))
                .optional();
    }

    private static List<Long> ranking(Array array) throws SQLException {
        return Arrays.asList((Long[]) array.getArray());
    }

    /**
     * Freezes the proxy lists this count uses: each member's override for the cycle where they set one
     * (even an empty one), else their standing list. A list naming someone outside the frozen electorate
     * (they left the group) is set aside whole, since its shares no longer sum to 10; that member's units
     * then follow the no-proxy rule. A later tally of the same cycle (after an extension) freezes again.
     * Returns how many lists were set aside.
     */
    public int freezeProxies(String cycleId) {
        long group = jdbc.sql("""
                select g.id from cycle c join district_group g on g.plan_id = c.plan_id and g.district_id = c.district_id
                where c.id = ?""").param(cycleId).query(Long.class).single();
        jdbc.sql("delete from cycle_proxy where cycle_id = ?").param(cycleId).update();
        // A group's lists and electorate may have been written in bulk since statistics were last taken;
        // stale ones make the planner pick nested loops over millions of rows. Hash joins are linear
        // whatever the statistics say (ANALYZE would serialise concurrent tallies on its lock).
        jdbc.sql("set local enable_nestloop = off").update();
        // Lists are judged whole: "broken" holds the members whose list names someone outside the electorate.
        int setAside = jdbc.sql("""
                with broken as materialized (
                    select distinct b.member_id from (%1$s) b
                    where not exists (select 1 from electorate x where x.cycle_id = :cycle and x.member_id = b.proxy_member_id)
                ), frozen as (
                    insert into cycle_proxy (cycle_id, member_id, proxy_member_id, units)
                    select :cycle, l.member_id, l.proxy_member_id, l.units
                    from (%1$s) l
                    join electorate e on e.cycle_id = :cycle and e.member_id = l.member_id
                    where not exists (select 1 from broken k where k.member_id = l.member_id)
                )
                select count(*) from broken b
                where exists (select 1 from electorate d where d.cycle_id = :cycle and d.member_id = b.member_id)
                """.formatted(LISTS))
                .param("cycle", cycleId)
                .param("group", group)
                .query(Integer.class)
                .single();
        jdbc.sql("set local enable_nestloop = on").update();
        return setAside;
    }

    /**
     * The electorate members whose units reach no ballot so far: they have not voted, and no chain of
     * their proxies (as the lists stand now) leads to anyone who has. These get the reminder before the close.
     */
    public List<Long> unreached(String cycleId) {
        long group = jdbc.sql("""
                select g.id from cycle c join district_group g on g.plan_id = c.plan_id and g.district_id = c.district_id
                where c.id = ?""").param(cycleId).query(Long.class).single();
        // reached grows from the voters back along the proxy lists; union (not union all) stops at circles
        return jdbc.sql("""
                with recursive lists as (%s),
                reached (member_id) as (
                    select distinct member_id from ballot_receipt where cycle_id = :cycle
                    union
                    select l.member_id from lists l join reached r on r.member_id = l.proxy_member_id where l.units > 0
                )
                select e.member_id from electorate e
                where e.cycle_id = :cycle and not exists (select 1 from reached r where r.member_id = e.member_id)
                order by e.member_id
                """.formatted(LISTS))
                .param("cycle", cycleId)
                .param("group", group)
                .query(Long.class)
                .list();
    }

    /**
     * Each member's list for this cycle: their override rows where they set one (an override marker with
     * no rows is an empty list), else their standing list in the cycle's group.
     */
    private static final String LISTS = """
            select member_id, proxy_member_id, units from proxy_assignment where cycle_id = :cycle
            union all
            select p.member_id, p.proxy_member_id, p.units from proxy_assignment p
            left join (select member_id from proxy_override where cycle_id = :cycle
                       union select member_id from proxy_assignment where cycle_id = :cycle) o on o.member_id = p.member_id
            where p.cycle_id is null and p.group_id = :group and o.member_id is null""";

    /**
     * Reads row sets of a cycle over the current transaction's connection (so a tally sees the proxy
     * lists it has just frozen), or a connection of its own outside one.
     */
    public VoteRows rows(String cycleId, VoteRowSet... sets) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            VoteRows rows = new VoteRows();
            for (VoteRowSet set : sets) {
                rows.read(connection, cycleId, set);
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the rows of cycle " + cycleId, e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }
}
