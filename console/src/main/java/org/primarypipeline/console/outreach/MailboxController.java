package org.primarypipeline.console.outreach;

import java.util.List;
import org.primarypipeline.console.users.Permissions;
import org.primarypipeline.console.users.Right;
import org.primarypipeline.console.users.StaffUser;
import org.primarypipeline.console.web.ConsolePage;
import org.primarypipeline.console.web.Format;
import org.primarypipeline.console.web.PageViewResolver;
import org.primarypipeline.integrations.outreach.mailbox.CaughtMail;
import org.primarypipeline.integrations.outreach.mailbox.LocalMailbox;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * The local mailbox: every email the app sent while no SMTP host is configured, newest first. Mail
 * carries members' addresses and their ballot links, so the page belongs to the staff who steer
 * outreach (admin and staff), like the dead letters.
 */
@Controller
public class MailboxController implements ConsolePage {

    private final LocalMailbox mailbox;
    private final Permissions permissions;
    private final Format format;

    public MailboxController(LocalMailbox mailbox, Permissions permissions, Format format) {
        this.mailbox = mailbox;
        this.permissions = permissions;
        this.format = format;
    }

    @GetMapping("/mailbox")
    String list(@AuthenticationPrincipal StaffUser user, Model model) {
        permissions.require(user, Right.STEER_CYCLES, "page.mailbox", "");
        List<MailboxPages.Row> rows = mailbox.messages().stream()
                .map(m -> new MailboxPages.Row(
                        m.number(), "/mailbox/" + m.number(), String.join(", ", m.to()), m.subject(), when(m)))
                .toList();
        return PageViewResolver.show(
                model, new MailboxPages.ListPage("Mailbox", mailbox.running(), mailbox.port(), rows), "mailbox");
    }

    @GetMapping("/mailbox/{number}")
    String message(@PathVariable int number, @AuthenticationPrincipal StaffUser user, Model model) {
        permissions.require(user, Right.STEER_CYCLES, "page.mailbox", Integer.toString(number));
        CaughtMail mail = mailbox.message(number)
                .orElseThrow(() -> new ResponseStatusException(
                        HttpStatus.NOT_FOUND, "The local mailbox holds no message " + number + "."));
        boolean htmlOnly = mail.text().isBlank();
        String body = htmlOnly ? MailboxPages.withoutTags(mail.html()) : mail.text();
        MailboxPages.MessagePage page = new MailboxPages.MessagePage(
                mail.subject(),
                mail.number(),
                mail.from(),
                String.join(", ", mail.to()),
                mail.subject(),
                when(mail),
                MailboxPages.linked(body),
                htmlOnly);
        return PageViewResolver.show(model, page, "mailbox-message");
    }

    private String when(CaughtMail mail) {
        return mail.sentAt() == null ? "" : format.shortWhen(mail.sentAt());
    }
}
