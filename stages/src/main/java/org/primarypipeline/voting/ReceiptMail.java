package org.primarypipeline.voting;

import java.util.LinkedHashMap;
import java.util.Map;
import org.primarypipeline.outreach.Channel;
import org.primarypipeline.outreach.OutboundMessage;
import org.primarypipeline.outreach.Outbox;
import org.primarypipeline.platform.links.PublicLinks;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The member's copy of a receipt: entry number, receipt and the ballot's secret, by email (by SMS when
 * only a phone is on file). Queued after the ballot is stored, outside the chain's lock. The secret is
 * marked as one in the outbox, which drops it from the stored message once sent.
 */
@Component
public class ReceiptMail {

    private final JdbcClient jdbc;
    private final Outbox outbox;
    private final PublicLinks links;

    public ReceiptMail(JdbcClient jdbc, Outbox outbox, PublicLinks links) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.links = links;
    }

    public void queue(String cycleId, long memberId, Receipt receipt) {
        record Member(String name, String email, String phone, String districtId) {}
        jdbc.sql("""
                        select m.full_name, m.email, m.phone, c.district_id
                        from member m, cycle c where m.id = ? and c.id = ?""")
                .params(memberId, cycleId)
                .query((rs, n) -> new Member(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .optional()
                .filter(m -> m.email() != null || m.phone() != null)
                .ifPresent(m -> {
                    Map<String, Object> model = new LinkedHashMap<>();
                    model.put("memberName", m.name());
                    model.put("districtId", m.districtId());
                    model.put("cycleId", cycleId);
                    model.put("seq", receipt.seq());
                    model.put("receipt", receipt.code());
                    model.put("secret", receipt.secret());
                    model.put("checkUrl", links.url("/ballot/" + cycleId + "/check"));
                    outbox.enqueue(new OutboundMessage(
                                    "cycle:" + cycleId + ":ballot-receipt:seq:" + receipt.seq(),
                                    m.email() != null ? Channel.EMAIL : Channel.SMS,
                                    m.email() != null ? m.email() : m.phone(),
                                    "ballot-receipt",
                                    model)
                            .asTransactional()
                            .inState(m.districtId())
                            .withSecrets("secret"));
                });
    }
}
