package org.primarypipeline.console.users;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code api_token} table: tokens the command line signs in with. A token is 256 random bits; only
 * its SHA-256 is stored, which is enough for a value nobody can guess (a slow password hash would
 * only slow every request down). A token counts while it is not revoked and its account is enabled.
 */
@Repository
public class ApiTokens {

    /** What the client is given once and must keep; {@code id} names it in the audit log. */
    public record Issued(long id, String token) {}

    /** A token that still counts, with the account it acts as. */
    public record Active(long id, StaffUser account) {}

    private static final String PREFIX = "pp_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;

    public ApiTokens(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Issued issue(long userId, String label) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        long id = jdbc.sql("insert into api_token (user_id, token_sha256, label) values (?, ?, ?) returning id")
                .params(userId, sha256(token), label == null ? "" : label)
                .query(Long.class)
                .single();
        return new Issued(id, token);
    }

    public Optional<Active> find(String token) {
        if (token == null || !token.startsWith(PREFIX)) {
            return Optional.empty();
        }
        return jdbc.sql("""
                select t.id as token_id, u.id, u.username, u.role, u.enabled
                from api_token t join console_user u on u.id = t.user_id
                where t.token_sha256 = ? and t.revoked_at is null and u.enabled
                """)
                .param(sha256(token))
                .query((rs, n) -> new Active(
                        rs.getLong("token_id"),
                        new StaffUser(
                                rs.getLong("id"),
                                rs.getString("username"),
                                Role.valueOf(rs.getString("role")),
                                null,
                                rs.getBoolean("enabled"))))
                .optional();
    }

    /** Notes the use at most once a minute, so a script's burst of calls is not a burst of writes. */
    public void used(long tokenId) {
        jdbc.sql("""
                update api_token set last_used_at = now()
                where id = ? and (last_used_at is null or last_used_at < now() - interval '1 minute')
                """).param(tokenId).update();
    }

    public boolean revoke(long tokenId) {
        return jdbc.sql("update api_token set revoked_at = now() where id = ? and revoked_at is null")
                        .param(tokenId)
                        .update()
                == 1;
    }

    /** Every token of the account, e.g. when it is disabled; returns how many were still valid. */
    public int revokeAllOf(long userId) {
        return jdbc.sql("update api_token set revoked_at = now() where user_id = ? and revoked_at is null")
                .param(userId)
                .update();
    }

    static String sha256(String token) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
