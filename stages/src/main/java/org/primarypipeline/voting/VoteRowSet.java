package org.primarypipeline.voting;

/**
 * The row sets a count is derived from, each read with {@code COPY (select ...) TO STDOUT}: the fastest
 * way PostgreSQL hands out rows, and the yardstick {@code pp bench recount} measures the recount against.
 * No set is ordered by the server; whoever needs an order sorts in memory, which is cheaper.
 */
public enum VoteRowSet {
    /** The frozen electorate: {@code member_id}. */
    ELECTORATE("select member_id from electorate where cycle_id = %s"),
    /** The proxy lists as counted: {@code member_id, proxy_member_id, units}. */
    PROXIES("select member_id, proxy_member_id, units from cycle_proxy where cycle_id = %s"),
    /**
     * The counted ballots: {@code member_id, ranking, receipt, receipt_seq}; once the round is sealed, only
     * those whose receipt is in the sealed chain (a row without a receipt is read, for the recount to name).
     */
    BALLOTS("select member_id, ranking, receipt, receipt_seq from ballot where cycle_id = %1$s"
            + " and (receipt_seq is null or receipt_seq <= (select ballot_sealed_length(%1$s)))"),
    /** The receipt chain, up to its seal once sealed: {@code seq, member_id, previous, receipt, secret_hash}. */
    RECEIPTS("select seq, member_id, previous, receipt, secret_hash from ballot_receipt where cycle_id = %1$s"
            + " and seq <= (select ballot_sealed_length(%1$s))"),
    /** The stored result's ballot weights: {@code member_id, weight}. */
    WEIGHTS("select member_id, weight from ballot_weight where cycle_id = %s");

    private final String select;

    VoteRowSet(String select) {
        this.select = select;
    }

    /** The select for one cycle. COPY takes no bind parameters, so the id is quoted here. */
    public String select(String cycleId) {
        if (cycleId == null || cycleId.isEmpty() || cycleId.indexOf('\\') >= 0 || cycleId.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("not a cycle id: " + cycleId);
        }
        String quoted = "'" + cycleId.replace("'", "''") + "'";
        return select.formatted(quoted);
    }

    public String copy(String cycleId) {
        return "copy (" + select(cycleId) + ") to stdout";
    }
}
