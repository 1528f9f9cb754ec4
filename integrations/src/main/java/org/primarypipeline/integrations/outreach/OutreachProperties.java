package org.primarypipeline.integrations.outreach;

import java.time.Duration;
import java.time.LocalTime;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code pp.outreach.*}: how the outbox is drained into email and SMS. Defaults suit a developer's machine. */
@ConfigurationProperties("pp.outreach")
public class OutreachProperties {

    /** Whether the sending routes start with the application; off for commands that only enqueue. */
    private boolean autoStart = true;
    /** How long an idle sender waits before looking for due messages again; a busy one never waits. */
    private Duration pollInterval = Duration.ofSeconds(1);
    /** Rows one claim takes per channel. */
    private int batchSize = 200;
    /** Messages in flight at once per channel. */
    private int workers = 8;
    /** A row claimed longer ago than this is presumed orphaned by a crash and sent again. */
    private Duration claimTimeout = Duration.ofMinutes(5);

    private Duration reaperInterval = Duration.ofSeconds(30);
    /** Where people and Twilio reach the app: unsubscribe links, status callbacks, signature checks. */
    private String publicBaseUrl = "http://localhost:8080";

    private String organizationName = "Primary Pipeline";
    /**
     * Where people write back: every email's footer shows it and mail carries it as Reply-To. Blank
     * means the sender's own address ({@code pp.outreach.email.from}).
     */
    private String replyTo;

    private final Retry retry = new Retry();
    private final Rate rate = new Rate();
    private final Email email = new Email();
    private final Sms sms = new Sms();

    public static class Retry {
        private Duration initialBackoff = Duration.ofSeconds(30);
        private Duration maxBackoff = Duration.ofHours(1);
        /** Attempts (transient failures) before a message is dead-lettered. */
        private int maxAttempts = 10;

        public Duration getInitialBackoff() {
            return initialBackoff;
        }

        public void setInitialBackoff(Duration initialBackoff) {
            this.initialBackoff = initialBackoff;
        }

        public Duration getMaxBackoff() {
            return maxBackoff;
        }

        public void setMaxBackoff(Duration maxBackoff) {
            this.maxBackoff = maxBackoff;
        }

        public int getMaxAttempts() {
            return maxAttempts;
        }

        public void setMaxAttempts(int maxAttempts) {
            this.maxAttempts = maxAttempts;
        }
    }

    /** Sends per second per channel and provider; 0 or less means no limit. */
    public static class Rate {
        private double emailPerSecond = 50;
        private double smsPerSecond = 10;

        public double getEmailPerSecond() {
            return emailPerSecond;
        }

        public void setEmailPerSecond(double emailPerSecond) {
            this.emailPerSecond = emailPerSecond;
        }

        public double getSmsPerSecond() {
            return smsPerSecond;
        }

        public void setSmsPerSecond(double smsPerSecond) {
            this.smsPerSecond = smsPerSecond;
        }
    }

    public enum Tls {
        /** Plain SMTP: a local relay or a development catcher. */
        NONE,
        /** SMTP upgraded with STARTTLS, refused if the server does not offer it (port 587). */
        STARTTLS,
        /** SMTP inside TLS from the first byte (port 465). */
        IMPLICIT
    }

    public static class Email {
        /** Blank: no SMTP server of our own, so the sending process runs the local mailbox ({@code LocalMailbox}). */
        private String host;

        private int port = 25;
        /** Port of the local mailbox's SMTP server when no host is set; 0 takes a free one. */
        private int localMailboxPort;

        private Tls tls = Tls.NONE;
        private String username;
        private String password;
        private String from = "Primary Pipeline <outreach@localhost>";
        /** Where List-Unsubscribe mailto requests go; default unsubscribe@ the From domain. */
        private String unsubscribeMailbox;
        /** Right-hand side of Message-IDs; default the From domain. */
        private String messageIdDomain;

        private Duration timeout = Duration.ofSeconds(10);
        /** An SMTP connection idle this long is closed rather than reused. */
        private Duration connectionIdle = Duration.ofSeconds(10);
        /** Messages sent over one SMTP connection before it is closed (relays limit this too). */
        private int maxMessagesPerConnection = 100;
        /**
         * A PEM file of certificates to trust for the SMTP server's TLS instead of the JVM's CAs: a relay
         * inside the organisation with its own CA. The host name is still checked against them.
         */
        private String trustedCertificates;

        private final Inbox unsubscribeInbox = new Inbox();

        public String getHost() {
            return host;
        }

        public void setHost(String host) {
            this.host = host;
        }

        public int getPort() {
            return port;
        }

        public void setPort(int port) {
            this.port = port;
        }

        public int getLocalMailboxPort() {
            return localMailboxPort;
        }

        public void setLocalMailboxPort(int localMailboxPort) {
            this.localMailboxPort = localMailboxPort;
        }

        public Tls getTls() {
            return tls;
        }

        public void setTls(Tls tls) {
            this.tls = tls;
        }

        public String getUsername() {
            return username;
        }

        public void setUsername(String username) {
            this.username = username;
        }

        public String getPassword() {
            return password;
        }

        public void setPassword(String password) {
            this.password = password;
        }

        public String getFrom() {
            return from;
        }

        public void setFrom(String from) {
            this.from = from;
        }

        public String getUnsubscribeMailbox() {
            return unsubscribeMailbox;
        }

        public void setUnsubscribeMailbox(String unsubscribeMailbox) {
            this.unsubscribeMailbox = unsubscribeMailbox;
        }

        public String getMessageIdDomain() {
            return messageIdDomain;
        }

        public void setMessageIdDomain(String messageIdDomain) {
            this.messageIdDomain = messageIdDomain;
        }

        public Duration getTimeout() {
            return timeout;
        }

        public void setTimeout(Duration timeout) {
            this.timeout = timeout;
        }

        public Duration getConnectionIdle() {
            return connectionIdle;
        }

        public void setConnectionIdle(Duration connectionIdle) {
            this.connectionIdle = connectionIdle;
        }

        public Inbox getUnsubscribeInbox() {
            return unsubscribeInbox;
        }

        public String getTrustedCertificates() {
            return trustedCertificates;
        }

        public void setTrustedCertificates(String trustedCertificates) {
            this.trustedCertificates = trustedCertificates;
        }

        public int getMaxMessagesPerConnection() {
            return maxMessagesPerConnection;
        }

        public void setMaxMessagesPerConnection(int maxMessagesPerConnection) {
            this.maxMessagesPerConnection = maxMessagesPerConnection;
        }
    }

    /** The IMAP mailbox that List-Unsubscribe's mailto requests arrive in; not read unless a host is set. */
    public static class Inbox {
        private String host;
        private int port = 993;
        private Tls tls = Tls.IMPLICIT;
        private String username;
        private String password;
        private Duration pollInterval = Duration.ofMinutes(1);

        public String getHost() {
            return host;
        }

        public void setHost(String host) {
            this.host = host;
        }

        public int getPort() {
            return port;
        }

        public void setPort(int port) {
            this.port = port;
        }

        public Tls getTls() {
            return tls;
        }

        public void setTls(Tls tls) {
            this.tls = tls;
        }

        public String getUsername() {
            return username;
        }

        public void setUsername(String username) {
            this.username = username;
        }

        public String getPassword() {
            return password;
        }

        public void setPassword(String password) {
            this.password = password;
        }

        public Duration getPollInterval() {
            return pollInterval;
        }

        public void setPollInterval(Duration pollInterval) {
            this.pollInterval = pollInterval;
        }
    }

    public static class Sms {
        private final Twilio twilio = new Twilio();
        private final QuietHoursWindow quietHours = new QuietHoursWindow();
        /** Answer to HELP; blank to leave HELP to Twilio's own keyword handling. */
        private String helpReply = "Primary Pipeline: texts about the House candidates your group is choosing. "
                + "Reply STOP to opt out. Msg & data rates may apply.";

        public Twilio getTwilio() {
            return twilio;
        }

        public QuietHoursWindow getQuietHours() {
            return quietHours;
        }

        public String getHelpReply() {
            return helpReply;
        }

        public void setHelpReply(String helpReply) {
            this.helpReply = helpReply;
        }
    }

    public static class Twilio {
        private String accountSid;
        private String authToken;
        /** Sending number in E.164; or use a messaging service. */
        private String from;

        private String messagingServiceSid;
        /** Twilio's REST API root; tests point it at a local stub. */
        private String baseUrl = "https://api.twilio.com";

        public String getAccountSid() {
            return accountSid;
        }

        public void setAccountSid(String accountSid) {
            this.accountSid = accountSid;
        }

        public String getAuthToken() {
            return authToken;
        }

        public void setAuthToken(String authToken) {
            this.authToken = authToken;
        }

        public String getFrom() {
            return from;
        }

        public void setFrom(String from) {
            this.from = from;
        }

        public String getMessagingServiceSid() {
            return messagingServiceSid;
        }

        public void setMessagingServiceSid(String messagingServiceSid) {
            this.messagingServiceSid = messagingServiceSid;
        }

        public String getBaseUrl() {
            return baseUrl;
        }

        public void setBaseUrl(String baseUrl) {
            this.baseUrl = baseUrl;
        }
    }

    /** Local time in the recipient's zone during which no SMS goes out; start after end wraps midnight. */
    public static class QuietHoursWindow {
        private LocalTime start = LocalTime.of(21, 0);
        private LocalTime end = LocalTime.of(8, 0);

        public LocalTime getStart() {
            return start;
        }

        public void setStart(LocalTime start) {
            this.start = start;
        }

        public LocalTime getEnd() {
            return end;
        }

        public void setEnd(LocalTime end) {
            this.end = end;
        }
    }

    public boolean isAutoStart() {
        return autoStart;
    }

    public void setAutoStart(boolean autoStart) {
        this.autoStart = autoStart;
    }

    public Duration getPollInterval() {
        return pollInterval;
    }

    public void setPollInterval(Duration pollInterval) {
        this.pollInterval = pollInterval;
    }

    public int getBatchSize() {
        return batchSize;
    }

    public void setBatchSize(int batchSize) {
        this.batchSize = batchSize;
    }

    public int getWorkers() {
        return workers;
    }

    public void setWorkers(int workers) {
        this.workers = workers;
    }

    public Duration getClaimTimeout() {
        return claimTimeout;
    }

    public void setClaimTimeout(Duration claimTimeout) {
        this.claimTimeout = claimTimeout;
    }

    public Duration getReaperInterval() {
        return reaperInterval;
    }

    public void setReaperInterval(Duration reaperInterval) {
        this.reaperInterval = reaperInterval;
    }

    public String getPublicBaseUrl() {
        return publicBaseUrl;
    }

    public void setPublicBaseUrl(String publicBaseUrl) {
        this.publicBaseUrl = publicBaseUrl;
    }

    public String getReplyTo() {
        return replyTo;
    }

    public void setReplyTo(String replyTo) {
        this.replyTo = replyTo;
    }

    public String getOrganizationName() {
        return organizationName;
    }

    public void setOrganizationName(String organizationName) {
        this.organizationName = organizationName;
    }

    public Retry getRetry() {
        return retry;
    }

    public Rate getRate() {
        return rate;
    }

    public Email getEmail() {
        return email;
    }

    public Sms getSms() {
        return sms;
    }

    /** The public base URL without a trailing slash. */
    public String baseUrl() {
        return publicBaseUrl.endsWith("/") ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1) : publicBaseUrl;
    }
}
