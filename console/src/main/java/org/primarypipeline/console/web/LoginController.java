package org.primarypipeline.console.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The sign-in page; Spring Security's filter takes the form's POST. */
@Controller
public class LoginController {

    @GetMapping("/login")
    String login(
            @RequestParam(required = false) String error,
            @RequestParam(required = false) String throttled,
            @RequestParam(required = false) String busy,
            @RequestParam(required = false) String signedOut,
            @RequestParam(required = false) String expired,
            Model model) {
        model.addAttribute("title", "Sign in");
        if (throttled != null) {
            model.addAttribute(
                    "problem",
                    "Too many failed attempts for this account or from this address. "
                            + "Wait 15 minutes, then try again; an admin can help if you have lost your password.");
        } else if (busy != null) {
            model.addAttribute("problem", "The console is busy checking other sign-ins. Try again in a few seconds.");
        } else if (error != null) {
            model.addAttribute("problem", "That name and password do not match an active account.");
        } else if (expired != null) {
            model.addAttribute("notice", "Your session was ended (signed out elsewhere, or the account was disabled).");
        } else if (signedOut != null) {
            model.addAttribute("notice", "You are signed out.");
        }
        return "login";
    }
}
