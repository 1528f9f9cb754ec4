package org.primarypipeline.console.users;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import org.primarypipeline.console.audit.AuditEntry.Outcome;
import org.primarypipeline.console.audit.AuditLog;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code pp login} and {@code pp logout}: a password (HTTP Basic, so the login throttle and the audit
 * of failed sign-ins apply as to every sign-in) is exchanged for a token; the token is revoked by
 * presenting it. A token cannot be exchanged for more tokens: that would outlive its revocation.
 */
@RestController
@RequestMapping("/api/tokens")
@Tag(name = "Tokens", description = "Sign the command line in as a console account")
public class ApiTokenController {

    private final ApiTokens tokens;
    private final AuditLog audit;

    public ApiTokenController(ApiTokens tokens, AuditLog audit) {
        this.tokens = tokens;
        this.audit = audit;
    }

    /** {@code label}: where the token is used, shown to auditors (e.g. "pp on laptop"). */
    public record IssueRequest(String label) {}

    public record Issued(String token, String account, String role) {}

    public record Current(String account, String role) {}

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Exchange a password (HTTP Basic) for a revocable token",
            description = "Send the token as 'Authorization: Bearer TOKEN' afterwards. It is shown once; the "
                    + "app keeps only its SHA-256. Any enabled account.")
    @ApiResponse(responseCode = "201", description = "the token")
    @ApiResponse(responseCode = "403", description = "sent with a token instead of a password")
    public Issued issue(@RequestBody(required = false) IssueRequest request, Authentication signedIn) {
        StaffUser user = (StaffUser) signedIn.getPrincipal();
        if (signedIn instanceof TokenAuthentication) {
            audit.record(
                    user.getUsername(),
                    user.role().label(),
                    "login",
                    "",
                    Outcome.DENIED,
                    "a token cannot issue another token",
                    null,
                    null);
            throw new AccessDeniedException("a new token needs the account's password, not a token");
        }
        String label = request == null || request.label() == null
                ? ""
                : request.label().strip();
        ApiTokens.Issued issued = tokens.issue(user.id(), label.length() > 100 ? label.substring(0, 100) : label);
        audit.record(
                user.getUsername(),
                user.role().label(),
                "login",
                "",
                Outcome.DONE,
                "signed in from the command line (token #" + issued.id() + (label.isEmpty() ? "" : ", " + label) + ")",
                null,
                null);
        return new Issued(issued.token(), user.getUsername(), user.role().label());
    }

    @GetMapping("/current")
    @Operation(summary = "The account the request is signed in as", description = "Any account.")
    public Current current(Authentication signedIn) {
        StaffUser user = (StaffUser) signedIn.getPrincipal();
        return new Current(user.getUsername(), user.role().label());
    }

    @DeleteMapping("/current")
    @Operation(summary = "Revoke the token this request is sent with (pp logout)")
    @ApiResponse(responseCode = "400", description = "the request was not sent with a token")
    public Map<String, String> revoke(Authentication signedIn) {
        if (!(signedIn instanceof TokenAuthentication token)) {
            throw new IllegalArgumentException("send the token to revoke as 'Authorization: Bearer TOKEN'");
        }
        StaffUser user = token.getPrincipal();
        tokens.revoke(token.tokenId());
        audit.record(
                user.getUsername(),
                user.role().label(),
                "logout",
                "",
                Outcome.DONE,
                "token #" + token.tokenId() + " revoked",
                null,
                null);
        return Map.of("result", "signed out: token revoked");
    }
}
