package org.primarypipeline.contacts;

import java.util.function.Consumer;
import org.primarypipeline.outreach.Channel;
import org.primarypipeline.outreach.ConsentRegistry;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The texting opt-outs as a list another tool can read (and a list from another tool, such as Spoke's or a
 * carrier's, taken in): the consent registry's SMS records, the one place every channel and campaign reads.
 */
@Repository
public class OptOuts {

    /** One opted-out number: since when, and what recorded it. */
    public record OptOut(String phone, String since, String source) {}

    private final JdbcClient jdbc;
    private final ConsentRegistry consent;

    public OptOuts(JdbcClient jdbc, ConsentRegistry consent) {
        this.jdbc = jdbc;
        this.consent = consent;
    }

    public void each(Consumer<OptOut> row) {
        jdbc.sql("""
                        select address, changed_at, source from consent
                        where channel = 'SMS' and opted_out order by address""").query(rs -> {
            row.accept(
                    new OptOut(rs.getString(1), rs.getTimestamp(2).toInstant().toString(), rs.getString(3)));
        });
    }

    /** Records the number as opted out (source {@code import}); false when it already was. */
    public boolean add(String phone, String evidence) {
        if (consent.isOptedOut(Channel.SMS, phone)) {
            return false;
        }
        return consent.optOut(Channel.SMS, phone, "import", evidence);
    }
}
