package org.primarypipeline.vetting;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.primarypipeline.core.cycle.CycleStage;
import org.primarypipeline.core.time.ReadableTimes;
import org.primarypipeline.core.time.RecipientTimeZones;
import org.primarypipeline.cycles.CycleRepository;
import org.primarypipeline.nominations.CandidateSteps;
import org.primarypipeline.outreach.OutboundMessage;
import org.primarypipeline.vetting.PledgeRepository.PledgeVersion;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A candidate signing the pledge themselves (the acceptance page) or withdrawing their signature. A
 * signature names the exact text the candidate read (its hash), so a version published while they read
 * is refused rather than signed unseen; the signer gets a copy by email. Withdrawing takes the candidate
 * off every ballot not yet closed.
 */
@Service
public class PledgeSigning {

    /** What the signer typed and ticked on the page, and where from. */
    public record SignatureForm(
            String contentHashShown, String typedName, boolean consent, String ip, String userAgent) {}

    private final PledgeRepository pledge;
    private final CandidateSteps steps;
    private final CycleRepository cycles;
    private final JdbcClient jdbc;
    private final Clock clock;

    public PledgeSigning(
            PledgeRepository pledge,
            CandidateSteps steps,
            CycleRepository cycles,
            JdbcClient jdbc,
            ObjectProvider<Clock> clock) {
        this.pledge = pledge;
        this.steps = steps;
        this.cycles = cycles;
        this.jdbc = jdbc;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /** Checks the form without storing anything: the acceptance page validates everything before it writes. */
    public PledgeVersion check(SignatureForm form) {
        PledgeVersion current = pledge.current();
        if (form.contentHashShown() == null || !form.contentHashShown().equals(current.contentHash())) {
            throw new IllegalArgumentException("the pledge was updated while you were reading it; please read version "
                    + current.version() + " and sign again");
        }
        if (form.typedName() == null || form.typedName().isBlank()) {
            throw new IllegalArgumentException("type your full name to sign the pledge");
        }
        if (form.typedName().length() > 200) {
            throw new IllegalArgumentException("your typed name is longer than 200 characters");
        }
        if (!form.consent()) {
            throw new IllegalArgumentException("tick the box to confirm you agree to the pledge");
        }
        return current;
    }

    /**
     * Signs the current version for the candidate and queues their copy (once per candidate and version).
     * Runs inside the caller's transaction.
     */
    @Transactional
    public PledgeVersion sign(long candidateId, SignatureForm form, Long nominationId, Long candidacyId) {
        PledgeVersion version = check(form);
        Instant now = clock.instant();
        pledge.sign(candidateId, version, form.typedName(), now, form.ip(), form.userAgent());
        steps.event(
                nominationId,
                candidacyId,
                "PLEDGE_SIGNED",
                "signed pledge version " + version.version() + " (" + version.contentHash() + ") as \""
                        + form.typedName().strip() + "\"",
                "candidate",
                "pledge-signed:" + candidateId + ":v" + version.version());
        Map<String, Object> candidate = jdbc.sql("select email, full_name from candidate where id = ?")
                .param(candidateId)
                .query()
                .singleRow();
        String email = (String) candidate.get("email");
        String onRecord = (String) candidate.get("full_name");
        if (email != null) {
            Map<String, Object> model = new LinkedHashMap<>();
            // addressed by the name on record; a typed name that differs is shown so they can say which is right
            model.put("candidateName", onRecord == null ? form.typedName().strip() : onRecord);
            model.put("typedName", form.typedName().strip());
            if (!SignedNames.match(form.typedName(), onRecord)) {
                model.put("nameToConfirm", true);
            }
            model.put("version", version.version());
            model.put("title", version.title());
            model.put("principles", version.principles());
            model.put("body", version.body());
            model.put("contentHash", version.contentHash());
            model.put(
                    "signedAt",
                    ReadableTimes.when(now, RecipientTimeZones.ofDistrictOrEastern(districtOf(candidacyId))));
            steps.send(
                    OutboundMessage.email(
                                    "candidate:" + candidateId + ":pledge-copy:v" + version.version(),
                                    email,
                                    "pledge-copy",
                                    model)
                            .asTransactional(),
                    nominationId,
                    candidacyId,
                    "pledge-copy");
        }
        return version;
    }

    private String districtOf(Long candidacyId) {
        return candidacyId == null
                ? null
                : jdbc.sql("select c.district_id from candidacy k join cycle c on c.id = k.cycle_id where k.id = ?")
                        .param(candidacyId)
                        .query(String.class)
                        .optional()
                        .orElse(null);
    }

    /**
     * Records the withdrawal of the candidate's signatures and withdraws their candidacies in every
     * running cycle whose ballot is not closed yet (pledge vetting, nomination window, voting round).
     * Returns the candidacies taken off.
     */
    @Transactional
    public List<Long> withdraw(long candidateId, String reason, String actor) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("say why the signature is withdrawn");
        }
        int withdrawn = pledge.withdraw(candidateId, reason.strip());
        if (withdrawn == 0) {
            throw new IllegalArgumentException("candidate " + candidateId + " has no active pledge signature");
        }
        record Open(long candidacyId, String cycleId, String stage, String name) {}
        List<Open> open = jdbc.sql("""
                select k.id, k.cycle_id, c.stage, p.full_name from candidacy k
                join cycle c on c.id = k.cycle_id join candidate p on p.id = k.candidate_id
                where k.candidate_id = ? and c.status = 'RUNNING'
                  and c.stage in ('PLEDGE_VETTING', 'NOMINATION_WINDOW', 'VOTING_ROUND')
                  and k.status not in ('WITHDRAWN', 'REJECTED')
                """)
                .param(candidateId)
                .query((rs, n) -> new Open(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .list();
        for (Open o : open) {
            jdbc.sql("update candidacy set status = 'WITHDRAWN', status_reason = ?, updated_at = now() where id = ?")
                    .params("pledge signature withdrawn: " + reason.strip(), o.candidacyId())
                    .update();
            cycles.record(
                    o.cycleId(),
                    CycleStage.valueOf(o.stage()),
                    "PLEDGE_WITHDRAWN",
                    o.name() + " withdrew their pledge signature and is off the ballot (" + reason.strip() + ")",
                    actor,
                    "pledge-withdrawn:" + o.candidacyId());
        }
        Long candidacy = open.isEmpty()
                ? anyCandidacy(candidateId)
                : Long.valueOf(open.get(0).candidacyId());
        if (candidacy != null) {
            steps.event(
                    null,
                    candidacy,
                    "PLEDGE_WITHDRAWN",
                    "signature withdrawn (" + reason.strip() + "); off " + open.size() + " open ballot(s)",
                    actor,
                    "pledge-withdrawn:candidate:" + candidateId + ":" + clock.millis());
        }
        return open.stream().map(Open::candidacyId).toList();
    }

    private Long anyCandidacy(long candidateId) {
        return jdbc.sql("select id from candidacy where candidate_id = ? order by id desc limit 1")
                .param(candidateId)
                .query(Long.class)
                .optional()
                .orElse(null);
    }
}
