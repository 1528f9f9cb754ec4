package org.primarypipeline.console.vetting;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The few figures the vetting pages show that the stage's repositories do not carry. */
@Repository
public class VettingReadModel {

    private final JdbcClient jdbc;

    public VettingReadModel(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The links a candidate gave with their statement. */
    public List<String> links(long candidateId) {
        return jdbc.sql("select unnest(links) from candidate where id = ?")
                .param(candidateId)
                .query(String.class)
                .list();
    }

    /** The eligibility answers as recorded (JSON text), or empty. */
    public String eligibility(long candidacyId) {
        return jdbc.sql("select coalesce(eligibility::text, '') from candidacy where id = ?")
                .param(candidacyId)
                .query(String.class)
                .single();
    }

    /** How many signatures a pledge version has. */
    public int signatures(int pledgeVersionId) {
        return jdbc.sql("select count(*) from pledge_signature where pledge_version_id = ?")
                .param(pledgeVersionId)
                .query(Integer.class)
                .single();
    }
}
