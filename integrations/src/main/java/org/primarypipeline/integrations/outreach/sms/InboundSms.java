package org.primarypipeline.integrations.outreach.sms;

import java.util.List;
import java.util.Optional;
import org.primarypipeline.integrations.outreach.OutreachProperties;
import org.primarypipeline.outreach.Addresses;
import org.primarypipeline.outreach.Channel;
import org.primarypipeline.outreach.ConsentRegistry;
import org.primarypipeline.supporters.MemberRepository;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Handles one reply to our texts, once per MessageSid: the row in {@code inbound_sms} and the consent
 * change commit together, so a webhook Twilio delivers twice finds the row and does nothing again.
 *
 * <p>STOP and START are never answered by us: Twilio (or the carrier) confirms them itself, and a
 * second confirmation from us is the double reply that gets numbers flagged. HELP is answered only
 * when Twilio says it did not (no OptOutType) and a reply text is configured.
 */
@Component
public class InboundSms {

    private final JdbcClient jdbc;
    private final ConsentRegistry consent;
    private final MemberRepository members;
    private final String helpReply;

    public InboundSms(
            JdbcClient jdbc, ConsentRegistry consent, MemberRepository members, OutreachProperties properties) {
        this.jdbc = jdbc;
        this.consent = consent;
        this.members = members;
        this.helpReply = properties.getSms().getHelpReply();
    }

    /** The consent source of a STOP or START, so that START undoes only what a text did. */
    private static final String KEYWORD = "sms-keyword";

    public record Received(
            String messageSid, String accountSid, String from, String to, String body, String optOutType) {}

    /** Returns the text to reply with, if any. */
    @Transactional
    public Optional<String> handle(Received sms) {
        InboundKeyword byTwilio = InboundKeyword.ofOptOutType(sms.optOutType());
        InboundKeyword keyword = byTwilio != null ? byTwilio : InboundKeyword.of(sms.body());
        boolean first = jdbc.sql("""
                        insert into inbound_sms (message_sid, account_sid, from_number, to_number, body, keyword, opt_out_type)
                        values (:sid, :account, :from, :to, :body, :keyword, :optOutType)
                        on conflict (message_sid) do nothing
                        """)
                        .param("sid", sms.messageSid())
                        .param("account", sms.accountSid())
                        .param("from", Addresses.normalize(Channel.SMS, sms.from()))
                        .param("to", sms.to())
                        .param("body", sms.body() == null ? "" : sms.body())
                        .param("keyword", keyword == null ? null : keyword.name())
                        .param("optOutType", sms.optOutType())
                        .update()
                == 1;
        if (!first || keyword == null) {
            return Optional.empty();
        }
        switch (keyword) {
            case OPT_OUT -> {
                consent.optOut(Channel.SMS, sms.from(), KEYWORD, sms.messageSid());
                for (String email : emailsOf(sms.from())) {
                    consent.optOut(Channel.EMAIL, email, KEYWORD, sms.messageSid());
                }
            }
            case OPT_IN -> {
                consent.optIn(Channel.SMS, sms.from(), KEYWORD, sms.messageSid());
                for (String email : emailsOf(sms.from())) {
                    boolean stoppedByText = consent.find(Channel.EMAIL, email)
                            .map(record -> record.optedOut() && KEYWORD.equals(record.source()))
                            .orElse(false);
                    if (stoppedByText) {
                        consent.optIn(Channel.EMAIL, email, KEYWORD, sms.messageSid());
                    }
                }
            }
            case HELP -> {
                if (byTwilio == null && helpReply != null && !helpReply.isBlank()) {
                    return Optional.of(helpReply);
                }
            }
            default -> {}
        }
        return Optional.empty();
    }

    /**
     * A STOP means the person wants us to stop: their texts and the campaign emails to the member who holds
     * the number (transactional mail such as ballots still goes, see {@code ConsentRegistry.allows}).
     */
    private List<String> emailsOf(String phone) {
        return members.emailsByPhone(Addresses.normalize(Channel.SMS, phone));
    }
}
