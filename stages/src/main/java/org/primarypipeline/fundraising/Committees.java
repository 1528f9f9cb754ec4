package org.primarypipeline.fundraising;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The certified candidate's principal campaign committee as finance records it, and where its
 * connected Stripe account stands (from {@code account.updated} events or a refresh).
 */
@Component
public class Committees {

    /** An FEC committee id: "C" and eight digits. */
    public static final Pattern FEC_COMMITTEE_ID = Pattern.compile("C[0-9]{8}");

    private final JdbcClient jdbc;
    private final Clock clock;

    @Autowired
    public Committees(JdbcClient jdbc, ObjectProvider<Clock> clock) {
        this(jdbc, clock.getIfAvailable(Clock::systemUTC));
    }

    public Committees(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** What finance types in; {@link #validate()} names the field of each problem. */
    public record Details(String name, String fecId, String treasurer, String address) {
        public Details {
            name = trim(name);
            fecId = trim(fecId) == null ? null : trim(fecId).toUpperCase(java.util.Locale.ROOT);
            treasurer = trim(treasurer);
            address = trim(address);
        }

        public void validate() {
            if (name == null) {
                throw new InvalidDetail("name", "Give the committee's name as registered with the FEC.");
            }
            if (fecId == null || !FEC_COMMITTEE_ID.matcher(fecId).matches()) {
                throw new InvalidDetail(
                        "fecId", "An FEC committee id is the letter C and eight digits, for example C00123456.");
            }
            if (treasurer == null) {
                throw new InvalidDetail("treasurer", "Give the treasurer's name as on the committee's Form 1.");
            }
            if (address == null) {
                throw new InvalidDetail("address", "Give the committee's mailing address.");
            }
        }

        private static String trim(String s) {
            return s == null || s.isBlank() ? null : s.trim();
        }
    }

    /** A detail finance must correct; {@code field} is the form field it belongs beside. */
    public static final class InvalidDetail extends IllegalArgumentException {
        private final String field;

        public InvalidDetail(String field, String message) {
            super(message);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }

    /** The committee and its account as the finance page shows them. */
    public record Committee(
            long fundraiserId,
            String name,
            String fecId,
            String treasurer,
            String address,
            String accountId,
            boolean detailsSubmitted,
            boolean chargesEnabled,
            boolean payoutsEnabled,
            Instant connectedAt) {
        public boolean recorded() {
            return name != null && fecId != null;
        }

        /** Gifts can be forwarded: the committee finished onboarding and Stripe pays out to it. */
        public boolean connected() {
            return connectedAt != null;
        }

        public String summary() {
            return "name=" + name + ", fecId=" + fecId + ", treasurer=" + treasurer + ", address=" + address
                    + ", account=" + accountId + ", connected=" + connected();
        }
    }

    public Optional<Committee> find(long fundraiserId) {
        return jdbc.sql("""
                select id, committee_name, committee_fec_id, committee_treasurer, committee_address, committee_account_id,
                       committee_details_submitted, committee_charges_enabled, committee_payouts_enabled, committee_connected_at
                from fundraiser where id = ?
                """)
                .param(fundraiserId)
                .query((rs, n) -> new Committee(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getBoolean(7),
                        rs.getBoolean(8),
                        rs.getBoolean(9),
                        rs.getTimestamp(10) == null ? null : rs.getTimestamp(10).toInstant()))
                .optional();
    }

    /** Records the committee's details (validated); returns the committee after. */
    public Committee record(long fundraiserId, Details d, String actor) {
        d.validate();
        int n = jdbc.sql("""
                update fundraiser set committee_name = ?, committee_fec_id = ?, committee_treasurer = ?, committee_address = ?,
                    committee_recorded_by = ?, committee_recorded_at = ? where id = ?
                """)
                .params(
                        d.name(),
                        d.fecId(),
                        d.treasurer(),
                        d.address(),
                        actor,
                        Timestamp.from(clock.instant()),
                        fundraiserId)
                .update();
        if (n == 0) {
            throw new IllegalArgumentException("no fundraiser " + fundraiserId);
        }
        return find(fundraiserId).orElseThrow();
    }

    /** Keeps the account id the first onboarding created (a second call changes nothing). */
    public void accountCreated(long fundraiserId, String accountId) {
        jdbc.sql("update fundraiser set committee_account_id = coalesce(committee_account_id, ?) where id = ?")
                .params(accountId, fundraiserId)
                .update();
    }

    /**
     * What Stripe says of a connected account now; returns the fundraiser whose committee it is when
     * this made it connected for the first time (its held gifts can go).
     */
    public Optional<Long> accountUpdated(
            String accountId, boolean detailsSubmitted, boolean chargesEnabled, boolean payoutsEnabled) {
        boolean ready = detailsSubmitted && payoutsEnabled;
        return jdbc
                .sql("""
                with before as (select id, committee_connected_at from fundraiser where committee_account_id = :a)
                update fundraiser f set committee_details_submitted = :d, committee_charges_enabled = :c,
                    committee_payouts_enabled = :p,
                    committee_connected_at = coalesce(f.committee_connected_at, case when :ready then cast(:now as timestamptz) end)
                from before b where b.id = f.id
                returning f.id, b.committee_connected_at is null and f.committee_connected_at is not null
                """)
                .param("a", accountId)
                .param("d", detailsSubmitted)
                .param("c", chargesEnabled)
                .param("p", payoutsEnabled)
                .param("ready", ready)
                .param("now", Timestamp.from(clock.instant()))
                .query((rs, n) -> rs.getBoolean(2) ? rs.getLong(1) : null)
                .list()
                .stream()
                .filter(java.util.Objects::nonNull)
                .findFirst();
    }
}
