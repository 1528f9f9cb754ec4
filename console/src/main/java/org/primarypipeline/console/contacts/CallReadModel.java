package org.primarypipeline.console.contacts;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Names the call page's merge fields need (the volunteer's and the campaign's candidate's), and the member's phone. */
@Repository
public class CallReadModel {

    private final JdbcClient jdbc;

    public CallReadModel(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public String memberName(long memberId) {
        return jdbc.sql("select full_name from member where id = ?")
                .param(memberId)
                .query(String.class)
                .optional()
                .orElse("");
    }

    /** The member's phone, to offer for a call through us (null when they gave none). */
    public String memberPhone(long memberId) {
        return jdbc.sql("select phone from member where id = ?")
                .param(memberId)
                .query(String.class)
                .optional()
                .orElse(null);
    }

    public Optional<String> candidateName(String cycleId) {
        return jdbc.sql("""
                        select d.full_name from campaign c join candidacy y on y.id = c.candidacy_id
                        join candidate d on d.id = y.candidate_id where c.cycle_id = ?""").param(cycleId).query(String.class).optional();
    }
}
