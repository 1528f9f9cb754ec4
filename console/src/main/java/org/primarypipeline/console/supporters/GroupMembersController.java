package org.primarypipeline.console.supporters;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
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

/** {@code /supporters/members}: who is in a district's group, searchable, with joined dates and whether confirmed. */
@Controller
public class GroupMembersController implements ConsolePage {

    private static final int PAGE_SIZE = 50;

    public record Row(String name, String contact, String joined, String state, String reason) {}

    public record Page(String title, String district, String q, List<Row> members, Paging paging, boolean asked) {}

    private final GroupMembersReadModel reads;
    private final Permissions permissions;
    private final Format format;

    public GroupMembersController(GroupMembersReadModel reads, Permissions permissions, Format format) {
        this.reads = reads;
        this.permissions = permissions;
        this.format = format;
    }

    @GetMapping("/supporters/members")
    String members(
            @RequestParam(defaultValue = "") String district,
            @RequestParam(defaultValue = "") String q,
            @RequestParam(defaultValue = "1") int page,
            @AuthenticationPrincipal StaffUser user,
            HttpServletRequest request,
            Model model) {
        String id = district.strip().toUpperCase(Locale.ROOT);
        permissions.require(user, Right.VIEW, "page.group-members", id);
        int total = id.isEmpty() ? 0 : reads.count(id, q);
        Paging paging = Paging.of(request, "page", page, PAGE_SIZE, total);
        List<Row> rows = id.isEmpty()
                ? List.of()
                : reads.page(id, q, paging.offset(), PAGE_SIZE).stream()
                        .map(m -> new Row(
                                m.name(),
                                m.email() != null ? m.email() : m.phone() == null ? "" : m.phone(),
                                m.joined() == null ? "" : format.day(m.joined()),
                                m.provisional() ? "pending" : "confirmed",
                                m.provisional() && m.reason() != null ? m.reason() : ""))
                        .toList();
        String title = id.isEmpty() ? "Group members" : "Members of the " + id + " group";
        return PageViewResolver.show(
                model, new Page(title, id, q.strip(), rows, paging, !id.isEmpty()), "group-members");
    }
}
