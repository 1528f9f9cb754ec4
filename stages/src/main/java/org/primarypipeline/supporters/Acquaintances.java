package org.primarypipeline.supporters;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * "We both confirmed that we know each other" (issue #21, item 4): one member asks, the other confirms;
 * the pair is then connected and each may name the other as a proxy. Also each member's privacy: who may
 * find them by name in their group, and whether the people they name as proxies see their name.
 */
@Repository
public class Acquaintances {

    /** Who may find a member by name in their group. */
    public enum Findable {
        GROUP,
        CONNECTED,
        NOBODY
    }

    public record Privacy(Findable findable, boolean nameShownToProxies) {}

    private final JdbcClient jdbc;

    public Acquaintances(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records the ask once (asking again changes nothing); true when it is new. */
    public boolean ask(long askerId, long askedId) {
        return jdbc.sql("""
                        insert into acquaintance (asker_id, asked_id) values (?, ?)
                        on conflict on constraint acquaintance_once do nothing
                        """).params(askerId, askedId).update() > 0;
    }

    /** Confirms the open ask from {@code askerId} to {@code askedId}; false when there is none. */
    public boolean confirm(long askerId, long askedId) {
        return jdbc.sql("""
                        update acquaintance set confirmed_at = now()
                        where asker_id = ? and asked_id = ? and confirmed_at is null
                        """).params(askerId, askedId).update() > 0;
    }

    public Privacy privacy(long memberId) {
        return jdbc.sql("select findable, name_shown_to_proxies from member where id = ?")
                .param(memberId)
                .query((rs, n) -> new Privacy(Findable.valueOf(rs.getString(1)), rs.getBoolean(2)))
                .single();
    }

    public void privacy(long memberId, Privacy privacy) {
        jdbc.sql("update member set findable = ?, name_shown_to_proxies = ? where id = ?")
                .params(privacy.findable().name(), privacy.nameShownToProxies(), memberId)
                .update();
    }
}
