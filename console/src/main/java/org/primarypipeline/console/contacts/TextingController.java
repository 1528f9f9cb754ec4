package org.primarypipeline.console.contacts;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.primarypipeline.console.users.Permissions;
import org.primarypipeline.console.users.Right;
import org.primarypipeline.console.users.StaffUser;
import org.primarypipeline.contacts.OptOuts;
import org.primarypipeline.core.csv.SafeCsv;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Text banks for organizers, and the texting opt-outs out and in (CSV) for staff. Thin doors over the commands. */
@RestController
public class TextingController {

    private final CreateTextBank createTextBank;
    private final ImportOptOuts importOptOuts;
    private final OptOuts optOuts;
    private final Permissions permissions;

    public TextingController(
            CreateTextBank createTextBank, ImportOptOuts importOptOuts, OptOuts optOuts, Permissions permissions) {
        this.createTextBank = createTextBank;
        this.importOptOuts = importOptOuts;
        this.optOuts = optOuts;
        this.permissions = permissions;
    }

    @PostMapping("/api/campaigns/{cycleId}/text-banks")
    public CreateTextBank.Result create(
            @PathVariable String cycleId,
            @RequestBody CreateTextBank.Request request,
            @AuthenticationPrincipal StaffUser who) {
        return createTextBank.perform(who, cycleId, request);
    }

    /** Every number that opted out of texts: phone, since, source. */
    @GetMapping("/api/opt-outs.csv")
    public void export(@AuthenticationPrincipal StaffUser who, HttpServletResponse response) throws IOException {
        permissions.require(who, Right.STEER_CYCLES, "contacts.opt-outs.export", "consent");
        response.setContentType("text/csv;charset=UTF-8");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader("Content-Disposition", "attachment; filename=\"sms-opt-outs.csv\"");
        PrintWriter out = response.getWriter();
        try (SafeCsv csv = SafeCsv.to(out, "phone", "since", "source")) {
            optOuts.each(o -> csv.row(o.phone(), o.since(), o.source()));
        }
        out.flush();
    }

    /** {@code csv}: a CSV (or plain list) whose first column is a phone number; a header line is allowed. */
    public record OptOutList(String csv) {}

    @PostMapping("/api/opt-outs")
    public ImportOptOuts.Result importList(@RequestBody OptOutList list, @AuthenticationPrincipal StaffUser who) {
        return importOptOuts.perform(who, list.csv());
    }
}
