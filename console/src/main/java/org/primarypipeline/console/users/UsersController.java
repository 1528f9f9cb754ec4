package org.primarypipeline.console.users;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import org.primarypipeline.console.web.ConsolePage;
import org.primarypipeline.console.web.Flash;
import org.primarypipeline.console.web.Format;
import org.primarypipeline.console.web.PageViewResolver;
import org.primarypipeline.console.web.Paging;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Admins add, disable and enable console accounts; roles are explained beside the form. */
@Controller
public class UsersController implements ConsolePage {

    static final int PAGE_SIZE = 25;

    public record Row(
            long id,
            String username,
            String role,
            boolean enabled,
            boolean self,
            String createdBy,
            String createdAt,
            String lastLogin) {}

    public record RoleChoice(String value, String label, String description, boolean selected) {}

    public record Page(String title, List<Row> rows, Paging paging, List<RoleChoice> roles, String q) {}

    private final ConsoleUsers users;
    private final UserAdministration administration;
    private final DisableAccount disableAccount;
    private final EnableAccount enableAccount;
    private final Permissions permissions;
    private final Format format;

    public UsersController(
            ConsoleUsers users,
            UserAdministration administration,
            DisableAccount disableAccount,
            EnableAccount enableAccount,
            Permissions permissions,
            Format format) {
        this.users = users;
        this.administration = administration;
        this.disableAccount = disableAccount;
        this.enableAccount = enableAccount;
        this.permissions = permissions;
        this.format = format;
    }

    @GetMapping("/users")
    String list(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String role,
            @RequestParam(defaultValue = "1") int page,
            @AuthenticationPrincipal StaffUser user,
            HttpServletRequest request,
            Model model) {
        permissions.require(user, Right.MANAGE_USERS, "page.users", "");
        Role wanted = null;
        for (Role r : Role.values()) {
            if (r.label().equalsIgnoreCase(role == null ? "" : role.trim())) {
                wanted = r;
            }
        }
        Paging paging = Paging.of(request, "page", page, PAGE_SIZE, users.count(q, wanted));
        List<Row> rows = new ArrayList<>();
        for (ConsoleUsers.Account a : users.page(q, wanted, PAGE_SIZE, paging.offset())) {
            rows.add(new Row(
                    a.id(),
                    a.username(),
                    a.role().label(),
                    a.enabled(),
                    a.username().equalsIgnoreCase(user.getUsername()),
                    a.createdBy(),
                    format.when(a.createdAt()),
                    a.lastLoginAt() == null ? "never" : format.when(a.lastLoginAt())));
        }
        List<RoleChoice> roles = new ArrayList<>();
        for (Role r : Role.values()) {
            roles.add(new RoleChoice(r.label(), r.label(), r.description(), r == wanted));
        }
        return PageViewResolver.show(model, new Page("Users", rows, paging, roles, q == null ? "" : q), "users");
    }

    @PostMapping("/users")
    String add(
            @RequestParam String username,
            @RequestParam String role,
            @RequestParam String password,
            @RequestParam String confirm,
            @AuthenticationPrincipal StaffUser user,
            RedirectAttributes flash) {
        try {
            if (!password.equals(confirm)) {
                // checked after the role: someone without the right learns nothing from the message
                permissions.require(user, Right.MANAGE_USERS, "user.add", "user " + username);
                throw new IllegalArgumentException("the two passwords differ");
            }
            administration.add(user, username, Role.parse(role), password.toCharArray());
            flash.addFlashAttribute("flash", Flash.done("Added " + username.trim() + " as " + role));
        } catch (IllegalArgumentException refused) {
            flash.addFlashAttribute("flash", Flash.refused("Refused: " + refused.getMessage()));
        }
        return "redirect:/users";
    }

    @PostMapping("/users/{id}/disable")
    String disable(@PathVariable long id, @AuthenticationPrincipal StaffUser user, RedirectAttributes flash) {
        try {
            disableAccount.perform(user, id);
            flash.addFlashAttribute("flash", Flash.done("Disabled; their open sessions were ended"));
        } catch (IllegalArgumentException refused) {
            flash.addFlashAttribute("flash", Flash.refused("Refused: " + refused.getMessage()));
        }
        return "redirect:/users";
    }

    @PostMapping("/users/{id}/enable")
    String enable(@PathVariable long id, @AuthenticationPrincipal StaffUser user, RedirectAttributes flash) {
        try {
            enableAccount.perform(user, id);
            flash.addFlashAttribute("flash", Flash.done("Enabled"));
        } catch (IllegalArgumentException refused) {
            flash.addFlashAttribute("flash", Flash.refused("Refused: " + refused.getMessage()));
        }
        return "redirect:/users";
    }
}
