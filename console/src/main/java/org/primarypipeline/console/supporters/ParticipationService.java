package org.primarypipeline.console.supporters;

import java.util.List;
import org.primarypipeline.console.cycles.UnknownCycleException;
import org.primarypipeline.core.cycle.CycleStage;
import org.primarypipeline.core.cycle.CycleStatus;
import org.primarypipeline.cycles.CycleRecord;
import org.primarypipeline.cycles.CycleRepository;
import org.primarypipeline.supporters.MemberRepository.ProxyChoice;
import org.primarypipeline.vetting.Candidacy;
import org.primarypipeline.vetting.CandidacyRepository;
import org.primarypipeline.vetting.PledgeRepository;
import org.primarypipeline.voting.ProxyLists;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What candidates and their nominators do (joining is {@link JoinDistrictGroup}; ballots and proxies are the
 * member's own, through their ballot page or an assisted ballot they confirm): put someone forward, sign
 * the pledge, confirm eligibility. Each checks the cycle's stage in PostgreSQL, so nothing here adds an
 * event to a workflow's history.
 */
@Service
public class ParticipationService {

    public static final int UNITS = 10;
    public static final int MAX_PROXIES = 10;

    private final CycleRepository cycles;
    private final CandidacyRepository candidacies;
    private final PledgeRepository pledge;

    public ParticipationService(CycleRepository cycles, CandidacyRepository candidacies, PledgeRepository pledge) {
        this.cycles = cycles;
        this.candidacies = candidacies;
        this.pledge = pledge;
    }

    /** Splits 10 units equally over the named proxies, the remainder to the first named. */
    public static List<ProxyChoice> equalShares(List<Long> proxyIds) {
        return ProxyLists.equalShares(proxyIds);
    }

    /**
     * A nomination entered for the nominee, with their eligibility answers when given: eligible answers
     * confirm eligibility, ineligible ones are refused with the explanation; without answers the
     * candidacy cannot be approved until eligibility is confirmed.
     */
    @Transactional
    public long nominate(
            String cycleId,
            String nomineeName,
            String nomineeEmail,
            String nomineePhone,
            org.primarypipeline.nominations.Eligibility answers) {
        long candidacy = nominate(cycleId, nomineeName, nomineeEmail, nomineePhone);
        if (answers != null) {
            java.time.LocalDate termStart = org.primarypipeline.nominations.Eligibility.termStart(
                    java.time.LocalDate.now(java.time.ZoneId.systemDefault()));
            java.util.List<String> problems = answers.problems(termStart, cycleId.substring(0, 2));
            require(problems.isEmpty(), String.join(" ", problems));
            candidacies.confirmEligibility(candidacy, answers.toJson(termStart));
        }
        return candidacy;
    }

    @Transactional
    public long nominate(String cycleId, String nomineeName, String nomineeEmail, String nomineePhone) {
        CycleRecord cycle = running(cycleId);
        require(
                cycle.stage() == CycleStage.NOMINATION_WINDOW,
                "nominations are open only in the nomination window; cycle " + cycleId + " is in "
                        + cycle.stage().title().toLowerCase());
        require(nomineeName != null && !nomineeName.isBlank(), "the nominee's name is needed");
        long candidacy = candidacies.nominate(cycleId, nomineeName.trim(), nomineeEmail, nomineePhone);
        cycles.record(
                cycleId,
                CycleStage.NOMINATION_WINDOW,
                "NOMINATED",
                nomineeName.trim() + " put forward",
                "public",
                "nominated:" + candidacy);
        return candidacy;
    }

    public void signPledge(String cycleId, long candidacyId, String typedName, String ip, String userAgent) {
        signPledge(null, cycleId, candidacyId, typedName, ip, userAgent);
    }

    /** {@code staff}: who typed it in on the candidate's behalf (null: the candidate themself). */
    @Transactional
    public void signPledge(
            String staff, String cycleId, long candidacyId, String typedName, String ip, String userAgent) {
        Candidacy candidacy = candidacies
                .find(cycleId, candidacyId)
                .orElseThrow(() ->
                        new IllegalArgumentException("candidacy " + candidacyId + " is not part of cycle " + cycleId));
        pledge.signCurrent(candidacy.candidateId(), typedName, ip, userAgent);
        if (candidacy.status() == org.primarypipeline.vetting.CandidacyStatus.INVITED) {
            candidacies.setStatus(
                    candidacyId,
                    org.primarypipeline.vetting.CandidacyStatus.ACCEPTED,
                    "signed pledge version " + pledge.current().version());
        }
        cycles.record(
                cycleId,
                running(cycleId).stage(),
                "PLEDGE_SIGNED",
                candidacy.fullName() + " signed pledge version "
                        + pledge.current().version()
                        + (staff == null
                                ? ""
                                : " as “" + typedName.strip() + "”, typed in by " + staff + " on their behalf"),
                staff == null ? "candidate" : staff + " on behalf of " + candidacy.fullName(),
                "pledge-signed:" + candidacyId + ":" + pledge.current().version());
    }

    /**
     * Eligibility answers staff took from a candidate they reached (a declared candidate or sitting
     * member known from public data): eligible answers confirm it, ineligible ones are refused with why.
     */
    @Transactional
    public void confirmEligibility(
            String staff, String cycleId, long candidacyId, org.primarypipeline.nominations.Eligibility answers) {
        Candidacy candidacy = candidacies
                .find(cycleId, candidacyId)
                .orElseThrow(() ->
                        new IllegalArgumentException("candidacy " + candidacyId + " is not part of cycle " + cycleId));
        require(answers != null, "the eligibility answers are needed: dateOfBirth, citizenYears, inhabitant");
        java.time.LocalDate termStart = org.primarypipeline.nominations.Eligibility.termStart(
                java.time.LocalDate.now(java.time.ZoneId.systemDefault()));
        java.util.List<String> problems = answers.problems(termStart, cycleId.substring(0, 2));
        require(problems.isEmpty(), String.join(" ", problems));
        candidacies.confirmEligibility(candidacyId, answers.toJson(termStart));
        cycles.record(
                cycleId,
                running(cycleId).stage(),
                "ELIGIBILITY_CONFIRMED",
                candidacy.fullName() + "'s eligibility confirmed from answers " + staff + " took",
                staff + " on behalf of " + candidacy.fullName(),
                "eligibility:" + candidacyId);
    }

    private CycleRecord running(String cycleId) {
        CycleRecord cycle = cycles.find(cycleId).orElseThrow(() -> new UnknownCycleException(cycleId));
        if (cycle.status() != CycleStatus.RUNNING) {
            throw new IllegalStateException(
                    "cycle " + cycleId + " has ended (" + cycle.status().name().toLowerCase() + ")");
        }
        return cycle;
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
