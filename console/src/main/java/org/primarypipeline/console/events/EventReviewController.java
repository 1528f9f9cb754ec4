package org.primarypipeline.console.events;

import java.util.List;
import org.primarypipeline.campaigns.events.EventStore;
import org.primarypipeline.console.users.Permissions;
import org.primarypipeline.console.users.Right;
import org.primarypipeline.console.users.StaffUser;
import org.primarypipeline.console.web.ConsolePage;
import org.primarypipeline.console.web.Flash;
import org.primarypipeline.console.web.Format;
import org.primarypipeline.console.web.PageViewResolver;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Events in their review window, for staff who steer cycles and for the organizers of their districts: an
 * objection (with the reason the host reads) stops one; staff may mark its host trusted instead.
 */
@Controller
public class EventReviewController implements ConsolePage {

    public record Row(
            long id,
            String title,
            String kind,
            String district,
            String host,
            long hostId,
            String starts,
            String publishes) {}

    public record Page(String title, List<Row> rows, boolean mayTrust) {}

    private final EventStore store;
    private final ObjectToEvent object;
    private final MarkTrustedHost trust;
    private final Permissions permissions;
    private final Format format;

    public EventReviewController(
            EventStore store, ObjectToEvent object, MarkTrustedHost trust, Permissions permissions, Format format) {
        this.store = store;
        this.object = object;
        this.trust = trust;
        this.permissions = permissions;
        this.format = format;
    }

    @GetMapping("/event-review")
    String list(@AuthenticationPrincipal StaffUser user, Model model) {
        if (user == null || (!user.can(Right.STEER_CYCLES) && !scoped(user))) {
            permissions.require(user, Right.STEER_CYCLES, "page.event-review", "");
        }
        List<Row> rows = store.inReview(200).stream()
                .filter(e -> object.mayObject(user, e.districtId()))
                .map(e -> new Row(
                        e.id(),
                        e.title(),
                        e.kind().name(),
                        e.districtId(),
                        e.hostName(),
                        e.hostMemberId(),
                        format.shortWhen(e.startsAt()),
                        format.shortWhen(e.publishAt())))
                .toList();
        return PageViewResolver.show(
                model, new Page("Events in review", rows, user.can(Right.STEER_CYCLES)), "event-review");
    }

    @PostMapping("/event-review/{id}/object")
    String object(
            @PathVariable long id,
            @RequestParam(required = false) String reason,
            @AuthenticationPrincipal StaffUser user,
            RedirectAttributes flash) {
        try {
            object.perform(user, id, reason);
            flash.addFlashAttribute("flash", Flash.done("Event " + id + " will not be published"));
        } catch (IllegalStateException refused) {
            flash.addFlashAttribute("flash", Flash.refused("Refused: " + refused.getMessage()));
        }
        return "redirect:/event-review";
    }

    @PostMapping("/event-review/hosts/{memberId}/trust")
    String trust(@PathVariable long memberId, @AuthenticationPrincipal StaffUser user, RedirectAttributes flash) {
        try {
            trust.perform(user, memberId);
            flash.addFlashAttribute("flash", Flash.done("Member " + memberId + " is a trusted host"));
        } catch (IllegalStateException refused) {
            flash.addFlashAttribute("flash", Flash.refused("Refused: " + refused.getMessage()));
        }
        return "redirect:/event-review";
    }

    private boolean scoped(StaffUser user) {
        return object.organizesAny(user);
    }
}
