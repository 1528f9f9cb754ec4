package org.primarypipeline.vetting;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Pledge versions and the candidates' signatures of them. A new text is a new version (a new row); a
 * version someone has signed cannot change (a trigger refuses it), and signatures are append-only: a
 * withdrawal is recorded on the row, never a delete.
 */
@Repository
public class PledgeRepository {

    public static final int MAX_TITLE = 200;
    public static final int MAX_PRINCIPLES = 4_000;
    public static final int MAX_BODY = 20_000;

    private final JdbcClient jdbc;

    public PledgeRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record PledgeVersion(
            int id,
            int version,
            String title,
            String principles,
            String body,
            String contentHash,
            Instant publishedAt) {}

    /** One signature as stored: who signed which exact text, how, and whether it was withdrawn. */
    public record Signature(
            long id,
            long candidateId,
            int version,
            String contentHash,
            String typedName,
            Instant signedAt,
            Instant consentedAt,
            String ip,
            String userAgent,
            Instant withdrawnAt,
            String withdrawalReason) {
        public boolean active() {
            return withdrawnAt == null;
        }
    }

    private static final String VERSION =
            "select id, version, title, principles, body, content_hash, published_at from pledge_version ";

    public PledgeVersion current() {
        return jdbc.sql(VERSION + "order by version desc limit 1")
                .query(PledgeRepository::version)
                .single();
    }

    public List<PledgeVersion> versions() {
        return jdbc.sql(VERSION + "order by version desc")
                .query(PledgeRepository::version)
                .list();
    }

    /**
     * Publishes a new version; it becomes the current one that candidates sign. The hash covers title,
     * principles and body as V1 computed it, so equal texts get equal hashes (and a re-publication of the
     * current text is refused by the unique hash).
     */
    public PledgeVersion publish(String title, String principles, String body) {
        require(title, "a title", MAX_TITLE);
        require(principles, "the principles", MAX_PRINCIPLES);
        require(body, "the full text", MAX_BODY);
        String hash = jdbc.sql(
                        "select 'sha256:' || encode(sha256(convert_to(? || E'\\n' || ? || E'\\n' || ?, 'UTF8')), 'hex')")
                .params(title.strip(), principles.strip(), body.strip())
                .query(String.class)
                .single();
        if (jdbc.sql("select count(*) from pledge_version where content_hash = ?")
                        .param(hash)
                        .query(Integer.class)
                        .single()
                > 0) {
            throw new IllegalArgumentException("this exact text is already published; change it before publishing");
        }
        return jdbc.sql("""
                insert into pledge_version (version, title, principles, body, content_hash)
                select coalesce(max(version), 0) + 1, ?, ?, ?, ? from pledge_version
                returning id, version, title, principles, body, content_hash, published_at
                """)
                .params(title.strip(), principles.strip(), body.strip(), hash)
                .query(PledgeRepository::version)
                .single();
    }

    /**
     * Records a signature of the current version (staff entering a signature given on paper, with the
     * consent it carried); signing it again changes nothing.
     */
    public void signCurrent(long candidateId, String typedName, String ip, String userAgent) {
        PledgeVersion current = current();
        sign(candidateId, current, typedName, Instant.now(), ip, userAgent);
    }

    /** Records a signature of exactly this version; returns false when the candidate had already signed it. */
    public boolean sign(
            long candidateId,
            PledgeVersion version,
            String typedName,
            Instant consentedAt,
            String ip,
            String userAgent) {
        if (typedName == null || typedName.isBlank()) {
            throw new IllegalArgumentException("type your full name to sign the pledge");
        }
        if (consentedAt == null) {
            throw new IllegalArgumentException("tick the box to confirm you agree to the pledge");
        }
        return jdbc.sql("""
                insert into pledge_signature (pledge_version_id, candidate_id, typed_name, ip, user_agent, content_hash, consented_at)
                values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing
                """)
                        .params(
                                version.id(),
                                candidateId,
                                typedName.strip(),
                                ip,
                                userAgent,
                                version.contentHash(),
                                Timestamp.from(consentedAt))
                        .update()
                == 1;
    }

    /** The candidate's active signature of the current version, if any. */
    public Optional<Signature> activeSignatureOfCurrent(long candidateId) {
        return signatures(candidateId).stream()
                .filter(s -> s.active() && s.version() == current().version())
                .findFirst();
    }

    public List<Signature> signatures(long candidateId) {
        return jdbc.sql("""
                select s.id, s.candidate_id, v.version, coalesce(s.content_hash, v.content_hash) as content_hash, s.typed_name,
                       s.signed_at, s.consented_at, s.ip, s.user_agent, s.withdrawn_at, s.withdrawal_reason
                from pledge_signature s join pledge_version v on v.id = s.pledge_version_id
                where s.candidate_id = ? order by s.id
                """)
                .param(candidateId)
                .query((rs, n) -> new Signature(
                        rs.getLong("id"),
                        rs.getLong("candidate_id"),
                        rs.getInt("version"),
                        rs.getString("content_hash"),
                        rs.getString("typed_name"),
                        instant(rs.getTimestamp("signed_at")),
                        instant(rs.getTimestamp("consented_at")),
                        rs.getString("ip"),
                        rs.getString("user_agent"),
                        instant(rs.getTimestamp("withdrawn_at")),
                        rs.getString("withdrawal_reason")))
                .list();
    }

    /** Marks every active signature of the candidate withdrawn; returns how many were. */
    public int withdraw(long candidateId, String reason) {
        return jdbc.sql(
                        "update pledge_signature set withdrawn_at = now(), withdrawal_reason = ? where candidate_id = ? and withdrawn_at is null")
                .params(reason, candidateId)
                .update();
    }

    private static void require(String text, String what, int max) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(what + " is needed");
        }
        if (text.length() > max) {
            throw new IllegalArgumentException(what + " is longer than " + max + " characters");
        }
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private static PledgeVersion version(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new PledgeVersion(
                rs.getInt("id"),
                rs.getInt("version"),
                rs.getString("title"),
                rs.getString("principles"),
                rs.getString("body"),
                rs.getString("content_hash"),
                rs.getTimestamp("published_at").toInstant());
    }
}
