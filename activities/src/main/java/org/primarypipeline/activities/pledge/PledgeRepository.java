package org.primarypipeline.activities.pledge;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Pledge versions and the candidates' signatures of them. */
@Repository
public class PledgeRepository {

    private final JdbcClient jdbc;

    public PledgeRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record PledgeVersion(int id, int version, String title, String principles, String body, String contentHash) {
    }

    public PledgeVersion current() {
        return jdbc.sql("select id, version, title, principles, body, content_hash from pledge_version order by version desc limit 1")
                .query((rs, n) -> new PledgeVersion(rs.getInt("id"), rs.getInt("version"), rs.getString("title"),
                        rs.getString("principles"), rs.getString("body"), rs.getString("content_hash")))
                .single();
    }

    /** Records a signature of the current version; signing it again changes nothing. */
    public void signCurrent(long candidateId, String typedName, String ip, String userAgent) {
        if (typedName == null || typedName.isBlank()) {
            throw new IllegalArgumentException("type your full name to sign the pledge");
        }
        jdbc.sql("""
                insert into pledge_signature (pledge_version_id, candidate_id, typed_name, ip, user_agent)
                values (?, ?, ?, ?, ?) on conflict do nothing
                """).params(current().id(), candidateId, typedName.trim(), ip, userAgent).update();
    }
}
