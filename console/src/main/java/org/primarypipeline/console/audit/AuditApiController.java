package org.primarypipeline.console.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.primarypipeline.console.users.Permissions;
import org.primarypipeline.console.users.Right;
import org.primarypipeline.console.users.StaffUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The audit log for tools: the same entries and filters as the console's audit page. */
@RestController
@RequestMapping("/api/audit")
@Tag(name = "Audit log", description = "Who did what, when, with the state before and after (admin, staff, auditor)")
public class AuditApiController {

    /** One page of entries and how many match in all. */
    public record Entries(int total, List<AuditEntry> entries) {}

    private final AuditLog audit;
    private final Permissions permissions;

    public AuditApiController(AuditLog audit, Permissions permissions) {
        this.audit = audit;
        this.permissions = permissions;
    }

    @GetMapping
    @Operation(
            summary = "Audit entries, newest first",
            description =
                    "Filters: actor (exact), action (prefix, e.g. cycle.), target (contains), outcome DONE|REFUSED|DENIED.")
    public Entries list(
            @RequestParam(required = false) String actor,
            @RequestParam(required = false) String action,
            @RequestParam(required = false) String target,
            @RequestParam(required = false) AuditEntry.Outcome outcome,
            @RequestParam(defaultValue = "50") int limit,
            @RequestParam(defaultValue = "0") int offset,
            @AuthenticationPrincipal StaffUser user) {
        permissions.require(user, Right.READ_AUDIT, "audit.read", "");
        AuditLog.Filter filter = new AuditLog.Filter(actor, action, target, outcome);
        List<AuditEntry> entries = audit.page(filter, Math.min(Math.max(limit, 1), 500), Math.max(offset, 0));
        return new Entries(audit.count(filter), entries);
    }
}
