package org.primarypipeline.console.fundraising;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import org.primarypipeline.console.audit.AuditEntry;
import org.primarypipeline.console.audit.AuditLog;
import org.primarypipeline.console.users.Permissions;
import org.primarypipeline.console.users.Right;
import org.primarypipeline.console.users.StaffUser;
import org.primarypipeline.fundraising.FinanceReports;
import org.springframework.stereotype.Service;

/**
 * Signs off a fundraiser's period: its totals are frozen as they are now. The one door for the finance
 * page's form and the API: the sign-off right first (a refusal is audited as denied), then the
 * fundraiser and the period, then the sign-off, audited as done or, when the rules refuse it, refused.
 */
@Service
public class SignOffFinance {

    private final FinanceReports reports;
    private final FinancePeriods periods;
    private final Permissions permissions;
    private final AuditLog audit;

    public SignOffFinance(FinanceReports reports, FinancePeriods periods, Permissions permissions, AuditLog audit) {
        this.reports = reports;
        this.periods = periods;
        this.permissions = permissions;
        this.audit = audit;
    }

    /**
     * The fundraiser and the days come as typed (a form's text, or the API's parsed values as text), so
     * that the right is checked before anything about them is said.
     */
    public FinanceReports.Totals perform(StaffUser who, String fundraiserId, String from, String to) {
        permissions.require(who, Right.SIGN_OFF_FINANCE, "finance.sign-off", "fundraiser " + fundraiserId);
        long fundraiser = periods.fundraiser(fundraiserId);
        LocalDate start;
        LocalDate end;
        try {
            start = LocalDate.parse(from == null ? "" : from.trim());
            end = LocalDate.parse(to == null ? "" : to.trim());
        } catch (DateTimeParseException e) {
            throw new FinanceRefusal.UnreadablePeriod();
        }
        String target = "fundraiser " + fundraiser;
        try {
            FinanceReports.Totals signed = reports.signOff(fundraiser, start, end, who.getUsername());
            audit.record(
                    who.getUsername(),
                    who.role().label(),
                    "finance.sign-off",
                    target,
                    AuditEntry.Outcome.DONE,
                    start + " to " + end + " frozen",
                    null,
                    Map.of(
                            "from",
                            start.toString(),
                            "to",
                            end.toString(),
                            "netCents",
                            signed.netCents(),
                            "donations",
                            signed.donations()));
            return signed;
        } catch (IllegalArgumentException | IllegalStateException refused) {
            audit.record(
                    who.getUsername(),
                    who.role().label(),
                    "finance.sign-off",
                    target,
                    AuditEntry.Outcome.REFUSED,
                    start + " to " + end + ": " + refused.getMessage(),
                    null,
                    null);
            throw refused;
        }
    }
}
