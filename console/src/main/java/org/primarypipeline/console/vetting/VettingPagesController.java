package org.primarypipeline.console.vetting;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.primarypipeline.console.web.ConsolePage;
import org.primarypipeline.activities.nomination.CandidateSteps;
import org.primarypipeline.activities.nomination.Nominations;
import org.primarypipeline.activities.pledge.PledgeRepository;
import org.primarypipeline.activities.pledge.PledgeSigning;
import org.primarypipeline.activities.vetting.Candidacy;
import org.primarypipeline.activities.vetting.CandidacyRepository;
import org.primarypipeline.console.audit.AuditEntry;
import org.primarypipeline.console.audit.AuditLog;
import org.primarypipeline.console.users.Right;
import org.primarypipeline.console.users.StaffUser;
import org.primarypipeline.console.staff.Permissions;
import org.primarypipeline.console.web.Flash;
import org.primarypipeline.console.web.Format;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Staff pages for vetting: a candidacy's profile, eligibility, checklist and timeline (what was sent
 * when, what they did); a cycle's confirmed nominations with their endorsements; the pledge versions,
 * with publishing a new one and recording a signature's withdrawal (both audited).
 */
@Controller
public class VettingPagesController implements ConsolePage {

    private final CandidacyRepository candidacies;
    private final Nominations nominations;
    private final CandidateSteps steps;
    private final PledgeRepository pledge;
    private final PledgeSigning signing;
    private final Permissions permissions;
    private final AuditLog audit;
    private final Format format;
    private final JdbcClient jdbc;

    public VettingPagesController(CandidacyRepository candidacies, Nominations nominations, CandidateSteps steps,
                                  PledgeRepository pledge, PledgeSigning signing, Permissions permissions, AuditLog audit,
                                  Format format, JdbcClient jdbc) {
        this.candidacies = candidacies;
        this.nominations = nominations;
        this.steps = steps;
        this.pledge = pledge;
        this.signing = signing;
        this.permissions = permissions;
        this.audit = audit;
        this.format = format;
        this.jdbc = jdbc;
    }

    @GetMapping("/cycles/{cycleId}/candidacies/{candidacyId}")
    String candidacy(@PathVariable String cycleId, @PathVariable long candidacyId, @AuthenticationPrincipal StaffUser user,
                     Model model) {
        permissions.require(user, Right.VIEW, "page.candidacy", cycleId + "/" + candidacyId);
        Candidacy c = candidacies.find(cycleId, candidacyId).orElseThrow(() -> new IllegalArgumentException(
                "candidacy " + candidacyId + " is not part of cycle " + cycleId));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", c.id());
        m.put("cycleId", cycleId);
        m.put("candidateId", c.candidateId());
        m.put("name", c.fullName());
        m.put("email", c.email());
        m.put("phone", c.phone());
        m.put("photoUrl", c.photoUrl());
        m.put("statement", c.statement());
        m.put("links", jdbc.sql("select unnest(links) from candidate where id = ?").param(c.candidateId()).query(String.class).list());
        m.put("source", c.source().toLowerCase().replace('_', ' '));
        m.put("status", c.status().name().toLowerCase().replace('_', ' '));
        m.put("reason", c.statusReason());
        m.put("pledgeSigned", c.pledgeSigned());
        m.put("eligible", c.eligible());
        m.put("eligibility", jdbc.sql("select coalesce(eligibility::text, '') from candidacy where id = ?").param(c.id())
                .query(String.class).single());
        m.put("references", c.checklist().referencesContacted());
        m.put("record", c.checklist().publicRecordChecked());
        m.put("fec", c.checklist().fecFilingsLookedUp());
        m.put("due", c.reviewDueAt() == null ? null : format.when(c.reviewDueAt()));
        List<Map<String, Object>> noms = new ArrayList<>();
        for (Nominations.Row n : nominations.forStaff(cycleId)) {
            if (n.candidacyId() != null && n.candidacyId() == c.id()) {
                noms.add(Map.of("by", n.self() ? "self" : n.nominatorName() + " <" + n.nominatorEmail() + ">",
                        "status", n.status().toLowerCase(), "reason", n.reason() == null ? "" : n.reason(),
                        "when", format.when(n.createdAt())));
            }
        }
        m.put("nominations", noms);
        m.put("endorsements", Math.max(0, noms.size() - 1));
        List<Map<String, Object>> timeline = new ArrayList<>();
        for (CandidateSteps.Entry e : steps.timelineOfCandidacy(c.id())) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("when", format.when(e.at()));
            row.put("kind", e.kind());
            row.put("detail", e.detail());
            row.put("actor", e.actor());
            row.put("message", e.message());
            row.put("status", e.messageStatus() == null ? "" : e.messageStatus().toLowerCase());
            row.put("sent", e.sentAt() == null ? "" : format.when(e.sentAt()));
            timeline.add(row);
        }
        m.put("timeline", timeline);
        model.addAttribute("title", c.fullName() + " · " + cycleId);
        model.addAttribute("candidacy", m);
        model.addAttribute("signatures", pledge.signatures(c.candidateId()).stream().map(s -> Map.of(
                "version", s.version(), "typedName", s.typedName(), "when", format.when(s.signedAt()),
                "hash", s.contentHash(), "ip", s.ip() == null ? "" : s.ip(), "active", s.active(),
                "withdrawn", s.withdrawnAt() == null ? "" : format.when(s.withdrawnAt()) + " (" + s.withdrawalReason() + ")"))
                .toList());
        return "candidacy";
    }

    @GetMapping("/cycles/{cycleId}/nominations")
    String nominationsPage(@PathVariable String cycleId, @AuthenticationPrincipal StaffUser user, Model model) {
        permissions.require(user, Right.VIEW, "page.nominations", cycleId);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Nominations.Row n : nominations.forStaff(cycleId)) {
            if (n.mergedInto() != null) {
                continue;
            }
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", n.id());
            row.put("nominee", n.nomineeName());
            row.put("contact", n.nomineeEmail() != null ? n.nomineeEmail() : n.nomineePhone());
            row.put("by", n.self() ? "self" : n.nominatorName());
            row.put("reason", n.reason());
            row.put("status", n.status().toLowerCase());
            row.put("endorsements", nominations.endorsements(n.id()));
            row.put("reminders", n.remindersSent());
            row.put("ineligible", n.ineligibleReason());
            row.put("candidacyId", n.candidacyId());
            row.put("cycleId", cycleId);
            rows.add(row);
        }
        model.addAttribute("title", "Nominations · " + cycleId);
        model.addAttribute("cycleId", cycleId);
        model.addAttribute("rows", rows);
        return "nominations";
    }

    @GetMapping("/pledge")
    String pledgePage(@AuthenticationPrincipal StaffUser user, Model model) {
        permissions.require(user, Right.VIEW, "page.pledge", "");
        model.addAttribute("title", "Pledge");
        model.addAttribute("versions", pledge.versions().stream().map(v -> Map.of("version", v.version(), "title", v.title(),
                "principles", v.principles(), "body", v.body(), "hash", v.contentHash(), "published", format.when(v.publishedAt()),
                "signatures", jdbc.sql("select count(*) from pledge_signature where pledge_version_id = ?").param(v.id())
                        .query(Integer.class).single())).toList());
        return "pledge";
    }

    @PostMapping("/pledge")
    String publish(@RequestParam(defaultValue = "") String title, @RequestParam(defaultValue = "") String principles,
                   @RequestParam(defaultValue = "") String body, @AuthenticationPrincipal StaffUser user,
                   RedirectAttributes flash) {
        permissions.require(user, Right.STEER_CYCLES, "pledge.publish", title);
        try {
            PledgeRepository.PledgeVersion v = pledge.publish(title, principles, body);
            audit.record(user.getUsername(), user.role().label(), "pledge.publish", "version " + v.version(),
                    AuditEntry.Outcome.DONE, v.contentHash(), null, null);
            flash.addFlashAttribute("flash", Flash.done("Published pledge version " + v.version()));
        } catch (IllegalArgumentException refused) {
            audit.record(user.getUsername(), user.role().label(), "pledge.publish", title, AuditEntry.Outcome.REFUSED,
                    refused.getMessage(), null, null);
            flash.addFlashAttribute("flash", Flash.refused("Refused: " + refused.getMessage()));
        }
        return "redirect:/pledge";
    }

    @PostMapping("/candidates/{candidateId}/pledge/withdraw")
    String withdraw(@PathVariable long candidateId, @RequestParam(defaultValue = "") String reason,
                    @RequestParam(defaultValue = "") String back, @AuthenticationPrincipal StaffUser user,
                    RedirectAttributes flash) {
        permissions.require(user, Right.STEER_CYCLES, "pledge.withdraw", Long.toString(candidateId));
        try {
            List<Long> off = signing.withdraw(candidateId, reason, user.getUsername());
            audit.record(user.getUsername(), user.role().label(), "pledge.withdraw", Long.toString(candidateId),
                    AuditEntry.Outcome.DONE, reason + "; off ballots of candidacies " + off, null, null);
            flash.addFlashAttribute("flash", Flash.done("Signature withdrawn; off " + off.size() + " open ballot(s)"));
        } catch (IllegalArgumentException refused) {
            flash.addFlashAttribute("flash", Flash.refused("Refused: " + refused.getMessage()));
        }
        return "redirect:" + (back.matches("/cycles/[A-Za-z0-9-]+/candidacies/\\d+") ? back : "/pledge");
    }
}
