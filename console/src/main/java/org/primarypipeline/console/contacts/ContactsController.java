package org.primarypipeline.console.contacts;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.primarypipeline.console.users.StaffUser;
import org.primarypipeline.contacts.Universes;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The organizer's REST doors to a campaign's voter contact: universes (saved and counted live), call packets,
 * results and their exports. Each maps JSON to its command and nothing else.
 */
@RestController
@RequestMapping("/api/campaigns/{cycleId}")
public class ContactsController {

    /** A universe as listed: its filter and how many it holds right now. */
    public record UniverseRow(
            long id,
            String name,
            String districtId,
            String precinct,
            List<String> tags,
            Integer notContactedDays,
            String channel,
            long count) {}

    private final DefineUniverse defineUniverse;
    private final BuildCallPacket buildCallPacket;
    private final CampaignScope scope;
    private final Universes universes;
    private final ContactResults results;

    public ContactsController(
            DefineUniverse defineUniverse,
            BuildCallPacket buildCallPacket,
            CampaignScope scope,
            Universes universes,
            ContactResults results) {
        this.defineUniverse = defineUniverse;
        this.buildCallPacket = buildCallPacket;
        this.scope = scope;
        this.universes = universes;
        this.results = results;
    }

    @PostMapping("/universes")
    public DefineUniverse.Result defineUniverse(
            @PathVariable String cycleId,
            @RequestBody DefineUniverse.Request request,
            @AuthenticationPrincipal StaffUser who) {
        return defineUniverse.perform(who, cycleId, request);
    }

    @GetMapping("/universes")
    public List<UniverseRow> universes(@PathVariable String cycleId, @AuthenticationPrincipal StaffUser who) {
        scope.require(who, cycleId, "contacts.universe.list");
        return universes.of(cycleId).stream()
                .map(u -> new UniverseRow(
                        u.id(),
                        u.name(),
                        u.districtId(),
                        u.precinct(),
                        u.tags(),
                        u.notContactedDays(),
                        u.channel().name(),
                        universes.count(u)))
                .toList();
    }

    @PostMapping("/packets")
    public BuildCallPacket.Result buildPacket(
            @PathVariable String cycleId,
            @RequestBody BuildCallPacket.Request request,
            @AuthenticationPrincipal StaffUser who) {
        return buildCallPacket.perform(who, cycleId, request);
    }

    @GetMapping("/results")
    public ContactResults.Summary results(@PathVariable String cycleId, @AuthenticationPrincipal StaffUser who) {
        scope.require(who, cycleId, "contacts.results");
        return results.summary(cycleId);
    }

    /** Every attempt as CSV (one row per attempt; answers as JSON in one column). */
    @GetMapping("/attempts.csv")
    public void csv(@PathVariable String cycleId, @AuthenticationPrincipal StaffUser who, HttpServletResponse response)
            throws IOException {
        scope.require(who, cycleId, "contacts.export");
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"contact-attempts.csv\"");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        PrintWriter out = response.getWriter();
        results.csv(cycleId, out);
        out.flush();
    }

    /** Every attempt as OSDI-style JSON: people with their phone and postal address, and the outreach. */
    @GetMapping("/attempts.json")
    public ContactResults.OsdiPage osdi(@PathVariable String cycleId, @AuthenticationPrincipal StaffUser who) {
        scope.require(who, cycleId, "contacts.export");
        return results.osdi(cycleId);
    }
}
