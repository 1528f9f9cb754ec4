package org.primarypipeline.vetting;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.primarypipeline.core.priority.DeclaredCandidates;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Candidates and their candidacies in cycles. */
@Repository
public class CandidacyRepository {

    private static final String SELECT = """
            select c.id, c.cycle_id, c.candidate_id, k.full_name, k.email, c.source, c.status, c.status_reason,
                   c.eligibility_confirmed_at is not null as eligible, c.references_contacted, c.public_record_checked,
                   c.fec_filings_checked, c.review_due_at, k.phone, k.photo_url, k.statement,
                   exists (select 1 from pledge_signature s
                           where s.candidate_id = c.candidate_id and s.withdrawn_at is null
                             and s.pledge_version_id = (select id from pledge_version order by version desc limit 1)
                   ) as pledge_signed
            from candidacy c join candidate k on k.id = c.candidate_id
            """;

    private final JdbcClient jdbc;

    public CandidacyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Invites the district's sitting member(s); running it again invites nobody twice. */
    public int inviteSittingMembers(String cycleId) {
        jdbc.sql("""
                insert into candidate (full_name, bioguide_id)
                select h.full_name, h.bioguide_id from house_member h join cycle c on c.district_id = h.district_id
                where c.id = ?
                on conflict (bioguide_id) do nothing
                """).param(cycleId).update();
        return jdbc.sql("""
                insert into candidacy (cycle_id, candidate_id, source, status)
                select c.id, k.id, 'SITTING_MEMBER', 'INVITED'
                from cycle c join house_member h on h.district_id = c.district_id
                     join candidate k on k.bioguide_id = h.bioguide_id
                where c.id = ?
                on conflict (cycle_id, candidate_id) do nothing
                """).param(cycleId).update();
    }

    /**
     * Invites the Democrats the FEC lists as running for the seat; running it again invites nobody
     * twice (a candidate is known by their FEC id). FEC filings carry no email or phone: staff reach
     * them, as they do sitting members.
     */
    public int inviteDeclared(String cycleId, List<DeclaredCandidates.Declared> declared) {
        int invited = 0;
        for (DeclaredCandidates.Declared d : declared) {
            Long candidateId = jdbc.sql("select id from candidate where fec_id = ? order by id limit 1")
                    .param(d.fecId())
                    .query(Long.class)
                    .optional()
                    .orElseGet(() -> jdbc.sql("insert into candidate (full_name, fec_id) values (?, ?) returning id")
                            .params(d.name(), d.fecId())
                            .query(Long.class)
                            .single());
            invited += jdbc.sql("""
                    insert into candidacy (cycle_id, candidate_id, source, status) values (?, ?, 'DECLARED', 'INVITED')
                    on conflict (cycle_id, candidate_id) do nothing
                    """).params(cycleId, candidateId).update();
        }
        return invited;
    }

    /**
     * Writes the timeline entry of every sitting member and declared candidate invited to the cycle, in
     * candidacy order, once each (keyed by candidacy): one statement where it was a read and a write each.
     */
    public int noteInvitations(String cycleId) {
        return jdbc.sql("""
                insert into cycle_event (cycle_id, stage, kind, detail, actor, dedup_key)
                select c.cycle_id, 'PLEDGE_VETTING', 'INVITED',
                       k.full_name || case when c.source = 'SITTING_MEMBER'
                           then ' (sitting member) invited to sign the pledge'
                           else ' (declared candidate, FEC) invited to sign the pledge; the FEC gives no contact,'
                                || ' so staff reach them and record their eligibility' end,
                       'system', 'invited:' || c.id
                from candidacy c join candidate k on k.id = c.candidate_id
                where c.cycle_id = ? and c.source in ('SITTING_MEMBER', 'DECLARED')
                order by c.id
                on conflict (cycle_id, dedup_key) do nothing
                """).param(cycleId).update();
    }

    /** A person put forward in the nomination window becomes a candidate (merged by email) and a candidacy. */
    public long nominate(String cycleId, String fullName, String email, String phone) {
        Long candidateId = email == null
                ? null
                : jdbc.sql("select id from candidate where lower(email) = lower(?)")
                        .param(email)
                        .query(Long.class)
                        .optional()
                        .orElse(null);
        if (candidateId == null) {
            candidateId = jdbc.sql("insert into candidate (full_name, email, phone) values (?, ?, ?) returning id")
                    .params(fullName, email, phone)
                    .query(Long.class)
                    .single();
        }
        jdbc.sql("""
                insert into candidacy (cycle_id, candidate_id, source, status) values (?, ?, 'NOMINATED', 'INVITED')
                on conflict (cycle_id, candidate_id) do nothing
                """).params(cycleId, candidateId).update();
        return jdbc.sql("select id from candidacy where cycle_id = ? and candidate_id = ?")
                .params(cycleId, candidateId)
                .query(Long.class)
                .single();
    }

    public List<Candidacy> ofCycle(String cycleId) {
        return jdbc.sql(SELECT + " where c.cycle_id = ? order by c.id")
                .param(cycleId)
                .query(CandidacyRepository::map)
                .list();
    }

    public Optional<Candidacy> find(String cycleId, long candidacyId) {
        return jdbc.sql(SELECT + " where c.cycle_id = ? and c.id = ?")
                .params(cycleId, candidacyId)
                .query(CandidacyRepository::map)
                .optional();
    }

    public List<Candidacy> ballot(String cycleId) {
        return ofCycle(cycleId).stream().filter(Candidacy::onBallot).toList();
    }

    public void setStatus(long candidacyId, CandidacyStatus status, String reason) {
        jdbc.sql("update candidacy set status = ?, status_reason = ?, updated_at = now() where id = ?")
                .params(status.name(), reason, candidacyId)
                .update();
    }

    /** Adds the ticked items to those recorded; returns the checklist as it now stands. */
    public ReviewChecklist tick(long candidacyId, ReviewChecklist ticked) {
        if (ticked != null) {
            jdbc.sql("""
                    update candidacy set references_contacted = references_contacted or ?, public_record_checked = public_record_checked or ?,
                           fec_filings_checked = fec_filings_checked or ?, updated_at = now() where id = ?
                    """)
                    .params(
                            ticked.referencesContacted(),
                            ticked.publicRecordChecked(),
                            ticked.fecFilingsLookedUp(),
                            candidacyId)
                    .update();
        }
        return jdbc.sql(
                        "select references_contacted, public_record_checked, fec_filings_checked from candidacy where id = ?")
                .param(candidacyId)
                .query((rs, n) -> new ReviewChecklist(rs.getBoolean(1), rs.getBoolean(2), rs.getBoolean(3)))
                .single();
    }

    /** Staff confirm eligibility they checked themselves (a candidacy entered on someone's behalf). */
    public void confirmEligibility(long candidacyId, String answersJson) {
        jdbc.sql("update candidacy set eligibility = cast(? as jsonb), eligibility_confirmed_at = now() where id = ?")
                .params(answersJson, candidacyId)
                .update();
    }

    /** A contact staff took down for a candidate (a blank field keeps what was there). */
    public void recordContact(long candidateId, String email, String phone) {
        jdbc.sql("update candidate set email = coalesce(?, email), phone = coalesce(?, phone) where id = ?")
                .params(email, phone, candidateId)
                .update();
    }

    public void setReviewDue(long candidacyId, java.time.Instant due) {
        jdbc.sql("update candidacy set review_due_at = ? where id = ?")
                .params(due == null ? null : java.sql.Timestamp.from(due), candidacyId)
                .update();
    }

    public java.util.Optional<Candidacy> byId(long candidacyId) {
        return jdbc.sql(SELECT + " where c.id = ?")
                .param(candidacyId)
                .query(CandidacyRepository::map)
                .optional();
    }

    private static Candidacy map(ResultSet rs, int row) throws SQLException {
        return new Candidacy(
                rs.getLong("id"),
                rs.getString("cycle_id"),
                rs.getLong("candidate_id"),
                rs.getString("full_name"),
                rs.getString("email"),
                rs.getString("source"),
                CandidacyStatus.valueOf(rs.getString("status")),
                rs.getString("status_reason"),
                rs.getBoolean("pledge_signed"),
                rs.getBoolean("eligible"),
                new ReviewChecklist(
                        rs.getBoolean("references_contacted"),
                        rs.getBoolean("public_record_checked"),
                        rs.getBoolean("fec_filings_checked")),
                rs.getTimestamp("review_due_at") == null
                        ? null
                        : rs.getTimestamp("review_due_at").toInstant(),
                rs.getString("phone"),
                rs.getString("photo_url"),
                rs.getString("statement"));
    }
}
