package org.primarypipeline.console.users;

import org.primarypipeline.console.web.ConsolePage;
import org.primarypipeline.console.web.Flash;
import org.primarypipeline.console.web.Paging;
import org.primarypipeline.console.web.Format;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.primarypipeline.console.staff.Permissions;
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

    private final ConsoleUsers users;
    private final UserAdministration administration;
    private final Permissions permissions;
    private final Format format;

    public UsersController(ConsoleUsers users, UserAdministration administration, Permissions permissions, Format format) {
        this.users = users;
        this.administration = administration;
        this.permissions = permissions;
        this.format = format;
    }

    @GetMapping("/users")
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) String role,
                @RequestParam(defaultValue = "1") int page, @AuthenticationPrincipal StaffUser user,
                HttpServletRequest request, Model model) {
        permissions.require(user, Right.MANAGE_USERS, "page.users", "");
        Role wanted = null;
        for (Role r : Role.values()) {
            if (r.label().equalsIgnoreCase(role == null ? "" : role.trim())) {
                wanted = r;
            }
        }
        Paging paging = Paging.of(request, "page", page, PAGE_SIZE, users.count(q, wanted));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (ConsoleUsers.Account a : users.page(q, wanted, PAGE_SIZE, paging.offset())) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", a.id());
            row.put("username", a.username());
            row.put("role", a.role().label());
            row.put("enabled", a.enabled());
            row.put("self", a.username().equalsIgnoreCase(user.getUsername()));
            row.put("createdBy", a.createdBy());
            row.put("createdAt", format.when(a.createdAt()));
            row.put("lastLogin", a.lastLoginAt() == null ? "never" : format.when(a.lastLoginAt()));
            rows.add(row);
        }
        List<Map<String, Object>> roles = new ArrayList<>();
        for (Role r : Role.values()) {
            roles.add(Map.of("value", r.label(), "label", r.label(), "description", r.description(),
                    "selected", r == wanted));
        }
        model.addAttribute("title", "Users");
        model.addAttribute("rows", rows);
        model.addAttribute("paging", paging);
        model.addAttribute("roles", roles);
        model.addAttribute("q", q == null ? "" : q);
        return "users";
    }

    @PostMapping("/users")
    String add(@RequestParam String username, @RequestParam String role, @RequestParam String password,
               @RequestParam String confirm, @AuthenticationPrincipal StaffUser user, RedirectAttributes flash) {
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
            administration.disable(user, id);
            flash.addFlashAttribute("flash", Flash.done("Disabled; their open sessions were ended"));
        } catch (IllegalArgumentException refused) {
            flash.addFlashAttribute("flash", Flash.refused("Refused: " + refused.getMessage()));
        }
        return "redirect:/users";
    }

    @PostMapping("/users/{id}/enable")
    String enable(@PathVariable long id, @AuthenticationPrincipal StaffUser user, RedirectAttributes flash) {
        try {
            administration.enable(user, id);
            flash.addFlashAttribute("flash", Flash.done("Enabled"));
        } catch (IllegalArgumentException refused) {
            flash.addFlashAttribute("flash", Flash.refused("Refused: " + refused.getMessage()));
        }
        return "redirect:/users";
    }
}
