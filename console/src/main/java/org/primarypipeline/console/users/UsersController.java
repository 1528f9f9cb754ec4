package org.primarypipeline.console.users;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.primarypipeline.console.web.ConsolePage;
import org.primarypipeline.console.web.Flash;
import org.primarypipeline.console.web.Format;
import org.primarypipeline.console.web.PageViewResolver;
import org.primarypipeline.console.web.Paging;
import org.primarypipeline.nominations.RefusedField;
import org.springframework.http.HttpStatus;
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

    /** The add form as typed (never the password) and what was wrong with each field, if anything. */
    public record AddForm(
            String username,
            List<RoleChoice> roles,
            boolean refused,
            String usernameError,
            String roleError,
            String passwordError,
            String confirmError) {}

    public record Page(String title, List<Row> rows, Paging paging, List<RoleChoice> roles, String q, AddForm add) {}

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
        return PageViewResolver.show(model, page(q, role, page, user, request, null), "users");
    }

    private Page page(String q, String role, int page, StaffUser user, HttpServletRequest request, AddForm typed) {
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
        return new Page(
                "Users", rows, paging, roles, q == null ? "" : q, typed == null ? addForm("", "", null) : typed);
    }

    private static AddForm addForm(String username, String role, RefusedField refused) {
        List<RoleChoice> choices = new ArrayList<>();
        for (Role r : Role.values()) {
            choices.add(new RoleChoice(
                    r.label(), r.label(), r.description(), r.label().equalsIgnoreCase(role)));
        }
        Map<String, String> errors = refused == null ? Map.of() : refused.fields();
        return new AddForm(
                username,
                choices,
                refused != null,
                errors.get("username"),
                errors.get("role"),
                errors.get("password"),
                errors.get("confirm"));
    }

    /** A refused account is said field by field on the page again (422), with what was typed but the passwords. */
    @PostMapping("/users")
    String add(
            @RequestParam(defaultValue = "") String username,
            @RequestParam(defaultValue = "") String role,
            @RequestParam(defaultValue = "") String password,
            @RequestParam(defaultValue = "") String confirm,
            @AuthenticationPrincipal StaffUser user,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            RedirectAttributes flash) {
        try {
            administration.add(user, username, role, password.toCharArray(), confirm.toCharArray());
        } catch (RefusedField refused) {
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            AddForm typed = addForm(username, role, refused);
            return PageViewResolver.show(model, page(null, null, 1, user, request, typed), "users");
        }
        flash.addFlashAttribute("flash", Flash.done("Added " + username.trim() + " as " + role));
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
