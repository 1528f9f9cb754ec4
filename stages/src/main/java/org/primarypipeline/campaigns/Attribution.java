package org.primarypipeline.campaigns;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What a shared link brought in: the one place that writes {@code attribution}, for the three doors
 * (a join request, an RSVP, a donation). The visitor's browser carries the pair ({@link Touch}: first
 * touch, set once, and last touch); a code we never issued is dropped, never stored.
 */
@Component
public class Attribution {

    /** What was brought in. */
    public enum Kind {
        JOIN,
        RSVP,
        DONATION
    }

    /** The refcodes a visitor arrived with: the first link they followed and the latest. */
    public record Touch(String first, String last) {

        public static final Touch NONE = new Touch(null, null);

        public Touch {
            first = Refcodes.wellFormed(first) ? first : null;
            last = Refcodes.wellFormed(last) ? last : null;
        }

        public boolean any() {
            return first != null || last != null;
        }
    }

    /** What one member's links brought in. */
    public record BroughtIn(long joins, long rsvps, long donations, long donatedCents) {}

    private final JdbcClient jdbc;

    public Attribution(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records the pair for a subject once (a repeated call changes nothing); false when there was none. */
    public boolean record(Kind kind, long subjectId, String cycleId, Touch touch) {
        if (touch == null || !touch.any()) {
            return false;
        }
        return jdbc.sql("""
                insert into attribution (subject_kind, subject_id, cycle_id, first_refcode, last_refcode)
                select :kind, :id, :cycle, (select code from refcode where code = :first), (select code from refcode where code = :last)
                where exists (select 1 from refcode where code in (:first, :last))
                on conflict do nothing
                """)
                        .param("kind", kind.name())
                        .param("id", subjectId)
                        .param("cycle", cycleId)
                        .param("first", touch.first() == null ? "" : touch.first())
                        .param("last", touch.last() == null ? "" : touch.last())
                        .update()
                == 1;
    }

    /** A join request: counted for the campaign running in the district it will join, if any. */
    public boolean recordJoin(long joinRequestId, String districtId, Touch touch) {
        String cycle =
                jdbc.sql("""
                select cycle_id from campaign where district_id = ? and ended_at is null order by started_at desc limit 1
                """).param(districtId).query(String.class).optional().orElse(null);
        return record(Kind.JOIN, joinRequestId, cycle, touch);
    }

    /**
     * The donation path: the checkout keeps the pair on its contribution intent; the donation booked
     * from it later ({@link #donationBooked}) is attributed from there.
     */
    public void checkoutStarted(long intentId, Touch touch) {
        if (touch == null || !touch.any()) {
            return;
        }
        jdbc.sql("""
                update contribution_intent set first_refcode = (select code from refcode where code = :first),
                                               last_refcode = (select code from refcode where code = :last)
                where id = :id
                """)
                .param("first", touch.first() == null ? "" : touch.first())
                .param("last", touch.last() == null ? "" : touch.last())
                .param("id", intentId)
                .update();
    }

    /**
     * Called where the donation row is created from a checkout ({@code DonationLedger.bookPayment}),
     * inside its transaction; static so that the ledger's constructors stay as they are.
     */
    public static void donationBooked(JdbcClient jdbc, long donationId, long intentId) {
        jdbc.sql("""
                insert into attribution (subject_kind, subject_id, cycle_id, first_refcode, last_refcode)
                select 'DONATION', ?, f.cycle_id, i.first_refcode, i.last_refcode
                from contribution_intent i join fundraiser f on f.id = i.fundraiser_id
                where i.id = ? and (i.first_refcode is not null or i.last_refcode is not null)
                on conflict do nothing
                """).params(donationId, intentId).update();
    }

    /** Joins, RSVPs and donations that came through the member's code, by last touch or first touch. */
    public BroughtIn broughtIn(long memberId) {
        return jdbc.sql("""
                select count(*) filter (where a.subject_kind = 'JOIN'),
                       count(*) filter (where a.subject_kind = 'RSVP'),
                       count(*) filter (where a.subject_kind = 'DONATION'),
                       coalesce(sum(d.amount_cents) filter (where a.subject_kind = 'DONATION' and d.status = 'SUCCEEDED'), 0)
                from refcode r
                join attribution a on a.last_refcode = r.code or (a.last_refcode is null and a.first_refcode = r.code)
                left join donation d on a.subject_kind = 'DONATION' and d.id = a.subject_id
                where r.member_id = ?
                """)
                .param(memberId)
                .query((rs, n) -> new BroughtIn(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)))
                .single();
    }
}
