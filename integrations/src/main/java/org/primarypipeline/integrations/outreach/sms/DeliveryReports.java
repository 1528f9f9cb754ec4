package org.primarypipeline.integrations.outreach.sms;

import org.primarypipeline.integrations.outreach.OutboxLedger;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Twilio's status callbacks for our messages. Callbacks can arrive late, twice or out of order
 * ("delivered" before "sent"), so a report only moves a row's delivery status forward.
 *
 * <p>A callback also proves Twilio accepted the message: a row still SENDING or PENDING because its
 * sender died before recording the send is settled as SENT with this MessageSid, and is not sent again.
 */
@Component
public class DeliveryReports {

    private final JdbcClient jdbc;

    public DeliveryReports(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Returns false when no SMS row has this id (or it belongs to another MessageSid). */
    public boolean record(long outboxId, String messageSid, String status, String errorCode) {
        return jdbc.sql("""
                        update outbox_message
                        set status = case when status in ('SENDING', 'PENDING') then 'SENT' else status end,
                            sent_at = coalesce(sent_at, now()),
                            model = case when status in ('SENDING', 'PENDING') then %s
                                         else model end,
                            claimed_at = case when status in ('SENDING', 'PENDING') then null else claimed_at end,
                            provider_message_id = coalesce(provider_message_id, :sid),
                            delivery_status = case when outreach_delivery_rank(:status) >= outreach_delivery_rank(delivery_status)
                                                   then :status else delivery_status end,
                            delivery_error = case when outreach_delivery_rank(:status) >= outreach_delivery_rank(delivery_status)
                                                  then :error else delivery_error end,
                            delivery_updated_at = now()
                        where id = :id and channel = 'SMS' and (provider_message_id is null or provider_message_id = :sid)
                        """.formatted(OutboxLedger.WITHOUT_SECRETS))
                        .param("id", outboxId)
                        .param("sid", messageSid)
                        .param("status", status == null ? "" : status.toLowerCase(java.util.Locale.ROOT))
                        .param("error", errorCode == null || errorCode.isBlank() ? null : errorCode)
                        .update()
                == 1;
    }
}
