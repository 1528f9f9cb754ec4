package org.primarypipeline.console.outreach;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import org.primarypipeline.console.users.Permissions;
import org.primarypipeline.console.users.Right;
import org.primarypipeline.console.users.StaffUser;
import org.primarypipeline.console.web.ConsolePage;
import org.primarypipeline.console.web.Flash;
import org.primarypipeline.console.web.Format;
import org.primarypipeline.console.web.PageViewResolver;
import org.primarypipeline.console.web.Paging;
import org.primarypipeline.outreach.Channel;
import org.primarypipeline.outreach.DeadLetters;
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

    public record Row(
            long id,
            String channel,
            String recipient,
            String template,
            String key,
            int attempts,
            String reason,
            String queued,
            String dead) {}

    public record Choice(String value, String label, boolean selected) {}

    public record Page(String title, List<Row> rows, Paging paging, List<Choice> channels) {}

    private final DeadLetters deadLetters;
    private final RequeueDeadLetter requeue;
    private final Permissions permissions;
    private final Format format;

    public DeadLettersController(
            DeadLetters deadLetters, RequeueDeadLetter requeue, Permissions permissions, Format format) {
        this.deadLetters = deadLetters;
        this.requeue = requeue;
        this.permissions = permissions;
        this.format = format;
    }

    @GetMapping("/outbox/dead-letters")
    String list(
            @RequestParam(required = false) String channel,
            @RequestParam(defaultValue = "1") int page,
            @AuthenticationPrincipal StaffUser user,
            HttpServletRequest request,
            Model model) {
        permissions.require(user, Right.STEER_CYCLES, "page.dead-letters", "");
        Channel wanted = null;
        for (Channel c : Channel.values()) {
            if (c.name().equalsIgnoreCase(channel == null ? "" : channel.trim())) {
                wanted = c;
            }
        }
        Paging paging = Paging.of(request, "page", page, PAGE_SIZE, deadLetters.count(wanted));
        List<Row> rows = deadLetters.page(wanted, PAGE_SIZE, paging.offset()).stream()
                .map(d -> new Row(
                        d.id(),
                        d.channel().name().toLowerCase(),
                        d.recipient(),
                        d.template(),
                        d.dedupKey(),
                        d.attempts(),
                        d.reason(),
                        format.shortWhen(d.createdAt()),
                        format.shortWhen(d.deadAt())))
                .toList();
        List<Choice> channels = new ArrayList<>();
        for (Channel c : Channel.values()) {
            channels.add(new Choice(c.name(), c.name().toLowerCase(), c == wanted));
        }
        return PageViewResolver.show(model, new Page("Dead letters", rows, paging, channels), "dead-letters");
    }

    @PostMapping("/outbox/dead-letters/{id}/requeue")
    String requeue(@PathVariable long id, @AuthenticationPrincipal StaffUser user, RedirectAttributes flash) {
        try {
            requeue.perform(user, id);
            flash.addFlashAttribute("flash", Flash.done("Message " + id + " is queued again"));
        } catch (IllegalStateException refused) {
            flash.addFlashAttribute("flash", Flash.refused("Refused: " + refused.getMessage()));
        }
        return "redirect:/outbox/dead-letters";
    }
}
