package org.primarypipeline.console.audit;

import org.primarypipeline.console.web.ConsolePage;
import org.primarypipeline.console.web.Paging;
import org.primarypipeline.console.web.Format;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.primarypipeline.console.users.Right;
import org.primarypipeline.console.users.StaffUser;
import org.primarypipeline.console.staff.Permissions;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The audit log page: every staff action, refused and denied attempts included, filterable. */
@Controller
public class AuditController implements ConsolePage {

    static final int PAGE_SIZE = 50;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] ACTIONS = {"cycle.", "cycle.launch", "cycle.review", "cycle.extend", "cycle.close",
        "cycle.recount", "cycle.certify", "cycle.withdraw", "cycle.cancel", "user.", "login", "page.", "audit."};

    private final AuditLog audit;
    private final Permissions permissions;
    private final Format format;

    public AuditController(AuditLog audit, Permissions permissions, Format format) {
        this.audit = audit;
        this.permissions = permissions;
        this.format = format;
    }

    @GetMapping("/audit")
    String audit(@RequestParam(required = false) String actor, @RequestParam(required = false) String action,
                 @RequestParam(required = false) String target, @RequestParam(required = false) String outcome,
                 @RequestParam(defaultValue = "1") int page, @AuthenticationPrincipal StaffUser user,
                 HttpServletRequest request, Model model) {
        permissions.require(user, Right.READ_AUDIT, "audit.read", "");
        AuditEntry.Outcome wanted = null;
        for (AuditEntry.Outcome o : AuditEntry.Outcome.values()) {
            if (o.name().equalsIgnoreCase(outcome == null ? "" : outcome.trim())) {
                wanted = o;
            }
        }
        AuditLog.Filter filter = new AuditLog.Filter(actor, action, target, wanted);
        Paging paging = Paging.of(request, "page", page, PAGE_SIZE, audit.count(filter));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (AuditEntry e : audit.page(filter, PAGE_SIZE, paging.offset())) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", e.id());
            row.put("when", format.shortWhen(e.at()));
            row.put("actor", e.actor());
            row.put("role", e.actorRole());
            row.put("action", e.action());
            row.put("target", e.target());
            row.put("outcome", e.outcome().name().toLowerCase());
            row.put("detail", e.detail());
            row.put("before", pretty(e.before()));
            row.put("after", pretty(e.after()));
            row.put("hasState", e.before() != null || e.after() != null);
            row.put("address", e.remoteAddr());
            rows.add(row);
        }
        List<Map<String, Object>> actions = new ArrayList<>();
        for (String a : ACTIONS) {
            actions.add(Map.of("value", a, "label", a.endsWith(".") ? a + "* (all)" : a, "selected", a.equals(action)));
        }
        List<Map<String, Object>> outcomes = new ArrayList<>();
        for (AuditEntry.Outcome o : AuditEntry.Outcome.values()) {
            outcomes.add(Map.of("value", o.name(), "label", o.name().toLowerCase(), "selected", o == wanted));
        }
        model.addAttribute("title", "Audit log");
        model.addAttribute("rows", rows);
        model.addAttribute("paging", paging);
        model.addAttribute("actor", actor == null ? "" : actor);
        model.addAttribute("target", target == null ? "" : target);
        model.addAttribute("actions", actions);
        model.addAttribute("outcomes", outcomes);
        return "audit";
    }

    private static String pretty(String json) {
        if (json == null) {
            return null;
        }
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(JSON.readTree(json));
        } catch (java.io.IOException e) {
            return json;
        }
    }
}
