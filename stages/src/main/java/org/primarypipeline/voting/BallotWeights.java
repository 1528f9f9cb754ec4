package org.primarypipeline.voting;

import java.io.IOException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import javax.sql.DataSource;
import org.primarypipeline.core.vote.VoteResult;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Repository;

/**
 * Each ballot's weight as the stored result counted it, so a recount can name the ballots whose weight
 * moved. Written with {@code COPY ... FROM STDIN}: a quarter of a million-member electorate is 250,000
 * rows, which single inserts would take minutes over.
 */
@Repository
public class BallotWeights {

    private final JdbcClient jdbc;
    private final DataSource dataSource;

    public BallotWeights(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    /** Replaces the cycle's stored weights with the result's, in the caller's transaction. */
    public void store(String cycleId, VoteResult result) {
        jdbc.sql("delete from ballot_weight where cycle_id = ?").param(cycleId).update();
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            try (CopyInWriter rows =
                    CopyInWriter.open(connection, "copy ballot_weight (cycle_id, member_id, weight) from stdin")) {
                String cycle = CopyInWriter.escape(cycleId);
                for (Map.Entry<String, BigDecimal> w : result.weights().entrySet()) {
                    rows.append(cycle)
                            .append('\t')
                            .append(w.getKey())
                            .append('\t')
                            .append(w.getValue().toPlainString())
                            .append('\n');
                }
            }
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("cannot store the ballot weights of cycle " + cycleId, e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }
}
