package org.primarypipeline.fundraising;

import java.util.Locale;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Donor identities: one row per person, newest contact details kept, staff merges. */
@Repository
public class Donors {

    private final JdbcClient jdbc;

    public Donors(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The donor this form describes, created the first time; later forms refresh email, employer and occupation. */
    public long upsert(ContributionForm f) {
        return jdbc.sql("""
                insert into donor (identity_key, full_name, email, address_line1, address_line2, city, state, zip,
                                   employer, occupation)
                values (:key, :name, :email, :line1, :line2, :city, :state, :zip, :employer, :occupation)
                on conflict (identity_key) do update set
                    full_name = excluded.full_name,
                    email = coalesce(excluded.email, donor.email),
                    employer = coalesce(excluded.employer, donor.employer),
                    occupation = coalesce(excluded.occupation, donor.occupation),
                    updated_at = now()
                returning coalesce(merged_into, id)
                """)
                .param("key", DonorIdentity.key(f.fullName(), f.addressLine1(), f.zip()))
                .param("name", f.fullName().trim().replaceAll("\\s+", " "))
                .param(
                        "email",
                        ContributionForm.blank(f.email()) ? null : f.email().trim())
                .param("line1", f.addressLine1().trim())
                .param(
                        "line2",
                        ContributionForm.blank(f.addressLine2())
                                ? null
                                : f.addressLine2().trim())
                .param("city", f.city().trim())
                .param("state", f.state().trim().toUpperCase(Locale.ROOT))
                .param("zip", f.zip().trim())
                .param(
                        "employer",
                        ContributionForm.blank(f.employer())
                                ? null
                                : f.employer().trim())
                .param(
                        "occupation",
                        ContributionForm.blank(f.occupation())
                                ? null
                                : f.occupation().trim())
                .query(Long.class)
                .single();
    }

    /**
     * Staff say two donor rows are one person: {@code duplicate} (and anything merged into it) now counts
     * as {@code into} for limits and itemization. Merges stay one level deep so a lookup never chains.
     */
    @Transactional
    public void merge(long duplicate, long into, String actor) {
        if (duplicate == into) {
            throw new IllegalArgumentException("a donor cannot be merged into itself");
        }
        long root = jdbc.sql("select coalesce(merged_into, id) from donor where id = ?")
                .param(into)
                .query(Long.class)
                .optional()
                .orElseThrow(() -> new IllegalArgumentException("no donor " + into));
        if (root == duplicate) {
            throw new IllegalArgumentException("donor " + into + " is already merged into " + duplicate);
        }
        int moved = jdbc.sql("update donor set merged_into = :root, merged_by = :actor, merged_at = now() "
                        + "where id = :dup or merged_into = :dup")
                .param("root", root)
                .param("actor", actor)
                .param("dup", duplicate)
                .update();
        if (moved == 0) {
            throw new IllegalArgumentException("no donor " + duplicate);
        }
    }

    /** The donor a row stands for after merges. */
    public long rootOf(long donorId) {
        return jdbc.sql("select coalesce(merged_into, id) from donor where id = ?")
                .param(donorId)
                .query(Long.class)
                .single();
    }
}
