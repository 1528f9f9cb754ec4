package org.primarypipeline.console.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import org.primarypipeline.console.users.Permissions;
import org.primarypipeline.console.users.Right;
import org.primarypipeline.console.users.StaffUser;
import org.primarypipeline.console.web.ConsolePage;
import org.primarypipeline.console.web.Format;
import org.primarypipeline.console.web.PageViewResolver;
import org.primarypipeline.console.web.Paging;
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
    private static final String[] ACTIONS = {
        "cycle.",
        "cycle.launch",
        "cycle.review",
        "cycle.extend",
        "cycle.close",
        "cycle.recount",
        "cycle.certify",
        "cycle.withdraw",
        "cycle.cancel",
        "user.",
        "login",
        "page.",
        "audit."
    };

    public record Row(
            long id,
            String when,
            String actor,
            String role,
            String action,
            String target,
            String outcome,
            String detail,
            String before,
            String after,
            boolean hasState,
            String address) {}

    public record Choice(String value, String label, boolean selected) {}

    public record Page(
            String title,
            List<Row> rows,
            Paging paging,
            String actor,
            String target,
            List<Choice> actions,
            List<Choice> outcomes) {}

    private final AuditLog audit;
    private final Permissions permissions;
    private final Format format;

    public AuditController(AuditLog audit, Permissions permissions, Format format) {
        this.audit = audit;
        this.permissions = permissions;
        this.format = format;
    }

    @GetMapping("/audit")
    String audit(
            @RequestParam(required = false) String actor,
            @RequestParam(required = false) String action,
            @RequestParam(required = false) String target,
            @RequestParam(required = false) String outcome,
            @RequestParam(defaultValue = "1") int page,
            @AuthenticationPrincipal StaffUser user,
            HttpServletRequest request,
            Model model) {
        permissions.require(user, Right.READ_AUDIT, "audit.read", "");
        AuditEntry.Outcome wanted = null;
        for (AuditEntry.Outcome o : AuditEntry.Outcome.values()) {
            if (o.name().equalsIgnoreCase(outcome == null ? "" : outcome.trim())) {
                wanted = o;
            }
        }
        AuditLog.Filter filter = new AuditLog.Filter(actor, action, target, wanted);
        Paging paging = Paging.of(request, "page", page, PAGE_SIZE, audit.count(filter));
        List<Row> rows = new ArrayList<>();
        for (AuditEntry e : audit.page(filter, PAGE_SIZE, paging.offset())) {
            rows.add(new Row(
                    e.id(),
                    format.shortWhen(e.at()),
                    e.actor(),
                    e.actorRole(),
                    e.action(),
                    e.target(),
                    e.outcome().name().toLowerCase(),
                    e.detail(),
                    pretty(e.before()),
                    pretty(e.after()),
                    e.before() != null || e.after() != null,
                    e.remoteAddr()));
        }
        List<Choice> actions = new ArrayList<>();
        for (String a : ACTIONS) {
            actions.add(new Choice(a, a.endsWith(".") ? a + "* (all)" : a, a.equals(action)));
        }
        List<Choice> outcomes = new ArrayList<>();
        for (AuditEntry.Outcome o : AuditEntry.Outcome.values()) {
            outcomes.add(new Choice(o.name(), o.name().toLowerCase(), o == wanted));
        }
        return PageViewResolver.show(
                model,
                new Page(
                        "Audit log",
                        rows,
                        paging,
                        actor == null ? "" : actor,
                        target == null ? "" : target,
                        actions,
                        outcomes),
                "audit");
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
