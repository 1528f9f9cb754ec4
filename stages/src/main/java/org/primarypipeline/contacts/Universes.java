package org.primarypipeline.contacts;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Universes of a campaign: saved, and counted live (each count runs the filter on the contacts as they are now). */
@Repository
public class Universes {

    /**
     * Who a universe holds, as a condition on {@code contact c} with named parameters {@code :u_*}. The
     * opt-out checks read the one consent record and the do-not-call list, so a STOP or a "do not call"
     * recorded on any campaign takes the person out of every universe at once.
     */
    static final String MEMBERS = """
            c.cycle_id = :u_cycle
            and (cast(:u_district as text) is null or c.district_id = :u_district)
            and (cast(:u_precinct as text) is null or c.precinct = :u_precinct)
            and c.tags @> cast(:u_tags as text[])
            and (:u_channel = 'DOOR' or c.phone is not null)
            and (:u_channel <> 'DOOR' or c.street is not null)
            and (c.phone is null or not exists (
                select 1 from consent k where k.channel = 'SMS' and k.address = c.phone and k.opted_out))
            and (:u_channel <> 'PHONE' or not exists (select 1 from do_not_call d where d.phone = c.phone))
            and (cast(:u_days as int) is null or not exists (
                select 1 from contact_attempt a where a.contact_id = c.id
                and a.created_at > now() - make_interval(days => cast(:u_days as int))))
            """;

    private final JdbcClient jdbc;

    public Universes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long create(
            String cycleId,
            String name,
            String districtId,
            String precinct,
            List<String> tags,
            Integer notContactedDays,
            Universe.Channel channel,
            String createdBy) {
        return jdbc.sql("""
                        insert into universe (cycle_id, name, district_id, precinct, tags, not_contacted_days, channel, created_by)
                        values (?, ?, ?, ?, cast(? as text[]), ?, ?, ?) returning id""")
                .params(
                        cycleId,
                        name,
                        districtId,
                        precinct,
                        arrayLiteral(tags),
                        notContactedDays,
                        channel.name(),
                        createdBy)
                .query(Long.class)
                .single();
    }

    public Optional<Universe> find(long id) {
        return jdbc.sql("select * from universe where id = ?")
                .param(id)
                .query(Universes::map)
                .optional();
    }

    public List<Universe> of(String cycleId) {
        return jdbc.sql("select * from universe where cycle_id = ? order by id")
                .param(cycleId)
                .query(Universes::map)
                .list();
    }

    /** How many contacts the universe holds right now. */
    public long count(Universe u) {
        return bind(jdbc.sql("select count(*) from contact c where " + MEMBERS), u)
                .query(Long.class)
                .single();
    }

    static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, Universe u) {
        return spec.param("u_cycle", u.cycleId())
                .param("u_district", u.districtId())
                .param("u_precinct", u.precinct())
                .param("u_tags", arrayLiteral(u.tags()))
                .param("u_channel", u.channel().name())
                .param("u_days", u.notContactedDays());
    }

    /** A text[] literal; tags are words of {@code [a-z0-9_:.-]} (the import drops anything else). */
    static String arrayLiteral(List<String> tags) {
        if (tags == null || tags.isEmpty()) {
            return "{}";
        }
        for (String t : tags) {
            if (!t.matches("[a-z0-9_:.\\-]{1,40}")) {
                throw new IllegalArgumentException("a tag is a word of letters, digits and _ : . - : '" + t + "'");
            }
        }
        return "{" + String.join(",", tags) + "}";
    }

    private static Universe map(ResultSet rs, int n) throws SQLException {
        Array tags = rs.getArray("tags");
        return new Universe(
                rs.getLong("id"),
                rs.getString("cycle_id"),
                rs.getString("name"),
                rs.getString("district_id"),
                rs.getString("precinct"),
                tags == null ? List.of() : Arrays.asList((String[]) tags.getArray()),
                (Integer) rs.getObject("not_contacted_days"),
                Universe.Channel.valueOf(rs.getString("channel")));
    }
}
