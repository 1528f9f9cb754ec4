package org.primarypipeline.console.users;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Repository;

/** The {@code console_user} table, and the lookup Spring Security signs people in with. */
@Repository
public class ConsoleUsers implements UserDetailsService {

    /** An account as the users page lists it (never with its hash). */
    public record Account(
            long id,
            String username,
            Role role,
            boolean enabled,
            String createdBy,
            Instant createdAt,
            Instant lastLoginAt) {}

    private final JdbcClient jdbc;

    public ConsoleUsers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public StaffUser loadUserByUsername(String username) {
        return find(username).orElseThrow(() -> new UsernameNotFoundException("no console account " + username));
    }

    public Optional<StaffUser> find(String username) {
        return jdbc.sql(
                        "select id, username, role, password_hash, enabled from console_user where lower(username) = lower(?)")
                .param(username == null ? "" : username.trim())
                .query((rs, n) -> new StaffUser(
                        rs.getLong("id"),
                        rs.getString("username"),
                        Role.valueOf(rs.getString("role")),
                        rs.getString("password_hash"),
                        rs.getBoolean("enabled")))
                .optional();
    }

    public Optional<Account> account(long id) {
        return jdbc.sql("select * from console_user where id = ?")
                .param(id)
                .query(ConsoleUsers::account)
                .optional();
    }

    public long insert(String username, Role role, String passwordHash, String createdBy) {
        return jdbc.sql("""
                insert into console_user (username, role, password_hash, created_by) values (?, ?, ?, ?) returning id
                """)
                .params(username, role.name(), passwordHash, createdBy)
                .query(Long.class)
                .single();
    }

    public boolean setEnabled(long id, boolean enabled) {
        return jdbc.sql("update console_user set enabled = ? where id = ? and enabled <> ?")
                        .params(enabled, id, enabled)
                        .update()
                == 1;
    }

    public void signedIn(String username, Instant at) {
        jdbc.sql("update console_user set last_login_at = ? where lower(username) = lower(?)")
                .params(Timestamp.from(at), username)
                .update();
    }

    public List<Account> page(String nameContains, Role role, int limit, int offset) {
        return jdbc.sql("""
                select * from console_user
                where (cast(:name as text) is null or username ilike '%' || cast(:name as text) || '%')
                  and (cast(:role as text) is null or role = cast(:role as text))
                order by lower(username) limit :limit offset :offset
                """)
                .param("name", blankToNull(nameContains))
                .param("role", role == null ? null : role.name())
                .param("limit", limit)
                .param("offset", offset)
                .query(ConsoleUsers::account)
                .list();
    }

    public int count(String nameContains, Role role) {
        return jdbc.sql("""
                select count(*) from console_user
                where (cast(:name as text) is null or username ilike '%' || cast(:name as text) || '%')
                  and (cast(:role as text) is null or role = cast(:role as text))
                """)
                .param("name", blankToNull(nameContains))
                .param("role", role == null ? null : role.name())
                .query(Integer.class)
                .single();
    }

    public int countEnabledAdmins() {
        return jdbc.sql("select count(*) from console_user where role = 'ADMIN' and enabled")
                .query(Integer.class)
                .single();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static Account account(ResultSet rs, int n) throws SQLException {
        Timestamp last = rs.getTimestamp("last_login_at");
        return new Account(
                rs.getLong("id"),
                rs.getString("username"),
                Role.valueOf(rs.getString("role")),
                rs.getBoolean("enabled"),
                rs.getString("created_by"),
                rs.getTimestamp("created_at").toInstant(),
                last == null ? null : last.toInstant());
    }
}
