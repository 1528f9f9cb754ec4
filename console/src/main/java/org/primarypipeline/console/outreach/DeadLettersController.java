package org.primarypipeline.console.outreach;

import org.primarypipeline.console.web.ConsolePage;
import org.primarypipeline.console.web.Flash;
import org.primarypipeline.console.web.Paging;
import org.primarypipeline.console.web.Format;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.primarypipeline.activities.outbox.Channel;
import org.primarypipeline.activities.outbox.DeadLetters;
import org.primarypipeline.console.audit.AuditEntry;
import org.primarypipeline.console.audit.AuditLog;
import org.primarypipeline.console.users.Right;
import org.primarypipeline.console.users.StaffUser;
import org.primarypipeline.console.staff.Permissions;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Messages the outbox gave up on, with the provider's reason, and a way to send one again once the
 * cause is fixed. Recipients are personal data, so the page belongs to the staff who steer outreach.
 */
@Controller
public class DeadLettersController implements ConsolePage {

    static final int PAGE_SIZE = 50;

    private final DeadLetters deadLetters;
    private final Permissions permissions;
    private final AuditLog audit;
    private final Format format;

    public DeadLettersController(DeadLetters deadLetters, Permissions permissions, AuditLog audit, Format format) {
        this.deadLetters = deadLetters;
        this.permissions = permissions;
        this.audit = audit;
        this.format = format;
    }

    @GetMapping("/outbox/dead-letters")
    String list(@RequestParam(required = false) String channel, @RequestParam(defaultValue = "1") int page,
                @AuthenticationPrincipal StaffUser user, HttpServletRequest request, Model model) {
        permissions.require(user, Right.STEER_CYCLES, "page.dead-letters", "");
        Channel wanted = null;
        for (Channel c : Channel.values()) {
            if (c.name().equalsIgnoreCase(channel == null ? "" : channel.trim())) {
                wanted = c;
            }
        }
        Paging paging = Paging.of(request, "page", page, PAGE_SIZE, deadLetters.count(wanted));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (DeadLetters.DeadLetter d : deadLetters.page(wanted, PAGE_SIZE, paging.offset())) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", d.id());
            row.put("channel", d.channel().name().toLowerCase());
            row.put("recipient", d.recipient());
            row.put("template", d.template());
            row.put("key", d.dedupKey());
            row.put("attempts", d.attempts());
            row.put("reason", d.reason());
            row.put("queued", format.shortWhen(d.createdAt()));
            row.put("dead", format.shortWhen(d.deadAt()));
            rows.add(row);
        }
        List<Map<String, Object>> channels = new ArrayList<>();
        for (Channel c : Channel.values()) {
            channels.add(Map.of("value", c.name(), "label", c.name().toLowerCase(), "selected", c == wanted));
        }
        model.addAttribute("title", "Dead letters");
        model.addAttribute("rows", rows);
        model.addAttribute("paging", paging);
        model.addAttribute("channels", channels);
        return "dead-letters";
    }

    @PostMapping("/outbox/dead-letters/{id}/requeue")
    String requeue(@PathVariable long id, @AuthenticationPrincipal StaffUser user, RedirectAttributes flash) {
        permissions.require(user, Right.STEER_CYCLES, "outbox.requeue", "message " + id);
        if (deadLetters.requeue(id)) {
            audit.record(user.getUsername(), user.role().label(), "outbox.requeue", "message " + id,
                    AuditEntry.Outcome.DONE, "put back in the queue with a fresh attempt count", Map.of("status", "DEAD"),
                    Map.of("status", "PENDING"));
            flash.addFlashAttribute("flash", Flash.done("Message " + id + " is queued again"));
        } else {
            audit.record(user.getUsername(), user.role().label(), "outbox.requeue", "message " + id,
                    AuditEntry.Outcome.REFUSED, "not a dead letter (already requeued, or no such message)", null, null);
            flash.addFlashAttribute("flash", Flash.refused("Refused: message " + id
                    + " is not a dead letter (already requeued, or no such message)"));
        }
        return "redirect:/outbox/dead-letters";
    }
}
