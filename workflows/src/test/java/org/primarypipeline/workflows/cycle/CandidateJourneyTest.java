package org.primarypipeline.workflows.cycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.temporal.client.WorkflowStub;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.primarypipeline.core.cycle.CycleStage;
import org.primarypipeline.core.cycle.CycleStatus;
import org.primarypipeline.nominations.AcceptanceForm;
import org.primarypipeline.nominations.LinkProblem;
import org.primarypipeline.nominations.NominationForm;
import org.primarypipeline.nominations.Nominations;
import org.primarypipeline.vetting.Candidacy;
import org.primarypipeline.vetting.CandidacyRepository;
import org.primarypipeline.vetting.CandidacyStatus;
import org.primarypipeline.vetting.CandidateStep;
import org.primarypipeline.vetting.PledgeRepository;
import org.primarypipeline.vetting.PledgeSigning;
import org.primarypipeline.vetting.ReviewChecklist;
import org.primarypipeline.vetting.ReviewEscalations;
import org.primarypipeline.vetting.VettingActivities;
import org.primarypipeline.vetting.VettingDecision;
import org.primarypipeline.vetting.VettingDecision.Verdict;
import org.primarypipeline.workflows.cycle.JourneyFixture.Mail;

/**
 * The acceptance: one district cycle through pledge vetting and the nomination window with
 * nominations by self and by others, a merge, acceptances, an ineligible answer, approval, rejection,
 * a request for information, a withdrawal, reminders and overdue escalations, in Temporal's
 * time-skipping environment; every email goes through the outbox and the Camel routes to GreenMail,
 * and each arrives once with the right content.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CandidateJourneyTest {

    private static final String DUTY = "duty@pp.example.org";

    private JourneyFixture fx;

    @BeforeAll
    void start() {
        fx = new JourneyFixture();
        fx.bean(ReviewEscalations.class).addToDuty(DUTY, "Dana On-Duty");
    }

    @AfterAll
    void stop() {
        fx.close();
    }

    private Nominations nominations() {
        return fx.bean(Nominations.class);
    }

    private static NominationForm self(String name, String email, String why) {
        return new NominationForm(true, name, email, null, null, null, why, "");
    }

    private static NominationForm other(String nominee, String nomineeEmail, String nominator, String nominatorEmail) {
        return new NominationForm(
                false,
                nominee,
                nomineeEmail,
                null,
                nominator,
                nominatorEmail,
                "Organised the tenants' union for ten years",
                "");
    }

    private AcceptanceForm accept(String name, String dateOfBirth) {
        String hash = fx.bean(PledgeRepository.class).current().contentHash();
        return new AcceptanceForm(
                dateOfBirth,
                "30",
                "yes",
                name,
                "https://example.org/" + name.split(" ")[0] + ".jpg",
                name + " will fight for Medicare for All.",
                "https://example.org/" + name.split(" ")[0],
                new PledgeSigning.SignatureForm(hash, name, true, "203.0.113.9", "JUnit browser"));
    }

    /** Submits and confirms through the emailed link; returns the nomination's id. */
    private long nominateAndConfirm(String cycleId, NominationForm form, String ip) {
        String confirmer = form.self() ? form.nomineeEmail() : form.nominatorEmail();
        int before = fx.mailsTo(confirmer).size();
        nominations().submit(cycleId, form, ip).orElseThrow();
        Mail confirm = fx.awaitMails(confirmer, before + 1).get(before);
        assertThat(confirm.subject()).startsWith("Confirm your");
        return nominations()
                .confirm(JourneyFixture.link(confirm, "/nominate/confirm/"))
                .nominationId();
    }

    private long count(Map<String, Long> subjects, String prefix) {
        return subjects.entrySet().stream()
                .filter(e -> e.getKey().startsWith(prefix))
                .mapToLong(Map.Entry::getValue)
                .sum();
    }

    @Test
    void aCycleThroughPledgeVettingAndTheNominationWindowSendsEachCandidateEmailOnce() {
        DistrictCycleWorkflow cycle = fx.launch("OH-11", CycleFixture.SETTINGS);
        String id = "OH-11-1";
        await().atMost(Duration.ofSeconds(30))
                .until(() -> !fx.bean(CandidacyRepository.class).ofCycle(id).isEmpty());
        Candidacy sitting = fx.bean(CandidacyRepository.class).ofCycle(id).get(0);

        // pledge vetting: the sitting member signs (on paper, entered by staff); approval needs the checklist
        fx.bean(PledgeRepository.class).signCurrent(sitting.candidateId(), sitting.fullName(), "127.0.0.1", "staff");
        assertThatThrownBy(() -> cycle.review(new VettingDecision(
                        sitting.id(), Verdict.APPROVE, null, "alice", new ReviewChecklist(true, true, false))))
                .rootCause()
                .hasMessageContaining("still to do: FEC filings looked up");
        cycle.review(new VettingDecision(sitting.id(), Verdict.APPROVE, null, "alice", ReviewChecklist.COMPLETE));
        cycle.closeWindow(StaffAction.by("alice"));
        await().atMost(Duration.ofSeconds(30)).until(() -> cycle.view().stage() == CycleStage.NOMINATION_WINDOW);

        // self nomination: confirm, received + invitation, accept and sign, pledge copy
        long ana = nominateAndConfirm(id, self("Ana Ortiz", "ana@example.org", "I run the food bank"), "198.51.100.1");
        List<Mail> anaMails = fx.awaitMails("ana@example.org", 3);
        Mail invitation = anaMails.stream()
                .filter(m -> m.subject().startsWith("Accept your candidacy"))
                .findFirst()
                .orElseThrow();
        assertThat(invitation.text()).contains("Dear Ana Ortiz", "OH-11", "https://pp.example.org/candidacy/accept/");
        String anaToken = JourneyFixture.link(invitation, "/candidacy/accept/");
        Nominations.Acceptance anaAccepted = nominations().accept(anaToken, accept("Ana Ortiz", "1980-04-02"));
        assertThat(anaAccepted.accepted()).isTrue();
        long anaCandidacy = anaAccepted.candidacyId();
        Mail copy = fx.awaitMails("ana@example.org", 4).get(3);
        String hash = fx.bean(PledgeRepository.class).current().contentHash();
        assertThat(copy.subject()).startsWith("Your signed copy of \"The Primary Pipeline pledge\" (version 1)");
        assertThat(copy.text())
                .contains(hash, "I pledge to represent the people of my district", "Signed as: Ana Ortiz");
        // the link was spent: a replay is refused and changes nothing
        assertThatThrownBy(() -> nominations().accept(anaToken, accept("Ana Ortiz", "1980-04-02")))
                .isInstanceOf(LinkProblem.class)
                .hasMessageContaining("already been used");

        // nominated by someone else, then nominated again by another person: merged as an endorsement
        long ben = nominateAndConfirm(
                id, other("Ben Alvarez", "ben@example.org", "Cy Nominator", "cy@example.org"), "198.51.100.2");
        long again = nominateAndConfirm(
                id, other("Benjamin Alvarez", "BEN@example.org", "Dee Endorser", "dee@example.org"), "198.51.100.3");
        assertThat(again).isEqualTo(ben);
        assertThat(nominations().endorsements(ben)).isEqualTo(1);
        assertThat(fx.awaitMails("dee@example.org", 2).get(1).text()).contains("counts as an endorsement (1 so far)");
        assertThat(fx.awaitMails("cy@example.org", 2).get(1).text()).contains("We have invited them");
        List<Mail> benMails = fx.awaitMails("ben@example.org", 1);

        // an ineligible answer is explained, stores no candidacy and leaves the link usable
        nominateAndConfirm(id, other("Eve Young", "eve@example.org", "Fay Friend", "fay@example.org"), "198.51.100.4");
        String eveToken =
                JourneyFixture.link(fx.awaitMails("eve@example.org", 1).get(0), "/candidacy/accept/");
        Nominations.Acceptance eve = nominations().accept(eveToken, accept("Eve Young", "2004-06-01"));
        assertThat(eve.accepted()).isFalse();
        assertThat(eve.problems()).singleElement().asString().contains("at least 25 years old", "2029-01-03");
        assertThat(nominations().peekAccept(eveToken).valid()).isTrue();

        // Hal never answers (reminders stop at the limit); Gus accepts, is approved, then withdraws his pledge
        nominateAndConfirm(
                id, other("Hal Silent", "hal@example.org", "Ivy Hopeful", "ivy@example.org"), "198.51.100.5");
        nominateAndConfirm(id, self("Gus Quitter", "gus@example.org", "Why not"), "198.51.100.6");
        String gusToken = JourneyFixture.link(
                fx.awaitMails("gus@example.org", 2).stream()
                        .filter(m -> m.subject().startsWith("Accept"))
                        .findFirst()
                        .orElseThrow(),
                "/candidacy/accept/");
        long gus = nominations()
                .accept(gusToken, accept("Gus Quitter", "1970-01-01"))
                .candidacyId();
        cycle.review(new VettingDecision(gus, Verdict.APPROVE, null, "alice", ReviewChecklist.COMPLETE));
        Candidacy gusNow = fx.bean(CandidacyRepository.class).byId(gus).orElseThrow();
        assertThat(fx.bean(PledgeSigning.class).withdraw(gusNow.candidateId(), "changed my mind", "gus"))
                .containsExactly(gus);
        assertThat(fx.bean(CandidacyRepository.class).byId(gus).orElseThrow().status())
                .isEqualTo(CandidacyStatus.WITHDRAWN);
        assertThat(fx.bean(PledgeRepository.class).signatures(gusNow.candidateId()))
                .singleElement()
                .satisfies(s -> assertThat(s.withdrawalReason()).isEqualTo("changed my mind"));

        // 3.5 days on: Ben has his first reminder, Ana's review is overdue and escalated to the staff on duty
        fx.env.sleep(Duration.ofHours(84).plusMinutes(30));
        Mail reminder = fx.awaitMails("ben@example.org", 2).get(1);
        assertThat(reminder.subject()).startsWith("Reminder 1 of 2: accept your nomination in OH-11 by ");
        Mail overdue = fx.awaitMails(DUTY, 1).get(0);
        assertThat(overdue.subject())
                .startsWith("Overdue review: Ana Ortiz (OH-11), due ")
                .as("in the district's zone, in words")
                .containsPattern("\\d{4}, \\d{1,2}:\\d{2} [AP]M E[SD]T$");
        assertThat(overdue.text())
                .contains("Hi Dana On-Duty", "OH-11-1", "/cycles/OH-11-1/candidacies/" + anaCandidacy);
        // staff ask Ana for more, which restarts her review clock; Ben accepts with the reminder's link
        cycle.review(new VettingDecision(anaCandidacy, Verdict.REQUEST_INFO, "Send two references", "alice"));
        assertThat(fx.awaitMails("ana@example.org", 5).get(4).text())
                .contains("need more information", "Send two references");
        long benCandidacy = nominations()
                .accept(JourneyFixture.link(reminder, "/candidacy/accept/"), accept("Ben Alvarez", "1975-09-09"))
                .candidacyId();

        // 7 days: a second escalation (the new deadline), Hal's second reminder, none for Ben who accepted
        fx.env.sleep(Duration.ofHours(84));
        fx.awaitMails(DUTY, 3);
        cycle.review(new VettingDecision(anaCandidacy, Verdict.APPROVE, null, "bob", ReviewChecklist.COMPLETE));
        cycle.review(new VettingDecision(benCandidacy, Verdict.REJECT, "Took corporate PAC money in 2024", "bob"));
        assertThat(fx.awaitMails("ben@example.org", 4).get(3).text())
                .contains("cannot approve", "Took corporate PAC money");

        // the window closes on its timer; the ballot is the sitting member and Ana
        fx.env.sleep(Duration.ofDays(3));
        await().atMost(Duration.ofSeconds(30)).until(() -> cycle.view().stage() == CycleStage.VOTING_ROUND);
        fx.awaitMails("ana@example.org", 8);
        // a retried announcement (as after a worker crash) queues nothing new
        assertThat(fx.bean(VettingActivities.class).announce(id, CandidateStep.ON_BALLOT))
                .isZero();
        cycle.cancel(StaffAction.by("alice", "end of the test"));
        assertThat(WorkflowStub.fromTyped(cycle).getResult(CycleOutcome.class).status())
                .isEqualTo(CycleStatus.CANCELLED);
        fx.recordHistory(id, "candidate-journey");

        await().atMost(Duration.ofSeconds(30)).until(fx::outboxSettled);
        Map<String, Map<String, Long>> byRecipient = fx.mails().stream()
                .collect(Collectors.groupingBy(Mail::to, Collectors.groupingBy(Mail::subject, Collectors.counting())));
        // every (recipient, subject) arrived once
        byRecipient.forEach((to, subjects) -> subjects.forEach(
                (subject, n) -> assertThat(n).as(to + ": " + subject).isEqualTo(1)));
        Map<String, Long> anaSubjects = byRecipient.get("ana@example.org");
        assertThat(anaSubjects.keySet())
                .containsExactlyInAnyOrder(
                        "Confirm your candidacy in OH-11",
                        "We received your candidacy in OH-11",
                        "Accept your candidacy and sign the pledge (OH-11)",
                        "Your signed copy of \"The Primary Pipeline pledge\" (version 1)",
                        "We need more information about your candidacy in OH-11",
                        "You are approved as a candidate in OH-11",
                        "You are on the ballot in OH-11",
                        "Voting is open in OH-11");
        assertThat(byRecipient.get("ben@example.org").keySet())
                .hasSize(4)
                .anyMatch(k -> k.equals("You were nominated for Congress in OH-11: please accept and sign"))
                .anyMatch(k -> k.startsWith("Reminder 1 of 2: accept your nomination in OH-11 by "))
                .anyMatch(k -> k.equals("Our decision on your candidacy in OH-11"));
        assertThat(count(byRecipient.get("hal@example.org"), "Reminder"))
                .as("reminders stop at the limit")
                .isEqualTo(2);
        assertThat(byRecipient.get("eve@example.org")).hasSize(1);
        assertThat(byRecipient.get("gus@example.org")).hasSize(5);
        assertThat(count(byRecipient.get("gus@example.org"), "You are on the ballot"))
                .isZero();
        // two escalations for Ana (the first deadline, then the one her request for information set), one for Ben
        assertThat(count(byRecipient.get(DUTY), "Overdue review: Ana Ortiz (OH-11)"))
                .isEqualTo(2);
        assertThat(count(byRecipient.get(DUTY), "Overdue review: Ben Alvarez (OH-11)"))
                .isEqualTo(1);
        assertThat(fx.jdbc()
                        .sql("select escalations from candidacy where id = ?")
                        .param(anaCandidacy)
                        .query(Integer.class)
                        .single())
                .isEqualTo(2);
    }
}
