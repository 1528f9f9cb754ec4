package org.primarypipeline.console.contacts;

import org.primarypipeline.console.audit.AuditEntry.Outcome;
import org.primarypipeline.console.audit.AuditLog;
import org.primarypipeline.console.users.Right;
import org.primarypipeline.console.users.StaffUser;
import org.primarypipeline.contacts.OptOuts;
import org.primarypipeline.core.supporter.InvalidField;
import org.primarypipeline.core.supporter.PhoneNumbers;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * Staff take in a list of numbers that opted out elsewhere (another texting tool, a carrier report): each
 * becomes an SMS opt-out in the one consent record, so no channel or campaign reaches it. Lines that are not
 * phone numbers are counted and skipped; a header line is allowed.
 */
@Service
public class ImportOptOuts {

    public record Result(int added, int alreadyOptedOut, int notNumbers) {}

    private final OptOuts optOuts;
    private final AuditLog audit;

    public ImportOptOuts(OptOuts optOuts, AuditLog audit) {
        this.optOuts = optOuts;
        this.audit = audit;
    }

    public Result perform(StaffUser who, String csv) {
        if (who == null || !who.can(Right.STEER_CYCLES)) {
            audit.record(
                    who == null ? "anonymous" : who.getUsername(),
                    who == null ? null : who.role().label(),
                    "contacts.opt-outs.import",
                    "consent",
                    Outcome.DENIED,
                    "may not import opt-outs",
                    null,
                    null);
            throw new AccessDeniedException("only staff may import opt-outs");
        }
        int added = 0, already = 0, bad = 0;
        for (String line : (csv == null ? "" : csv).split("\\R")) {
            String first = line.split(",", 2)[0].replace("\"", "").trim();
            if (first.isEmpty() || first.equalsIgnoreCase("phone")) {
                continue;
            }
            String phone;
            try {
                phone = PhoneNumbers.toE164(first);
            } catch (InvalidField e) {
                bad++;
                continue;
            }
            if (phone == null) {
                bad++;
            } else if (optOuts.add(phone, "import by " + who.getUsername())) {
                added++;
            } else {
                already++;
            }
        }
        Result result = new Result(added, already, bad);
        audit.record(
                who.getUsername(),
                who.role().label(),
                "contacts.opt-outs.import",
                "consent",
                Outcome.DONE,
                added + " numbers opted out, " + already + " already were, " + bad + " lines not numbers",
                null,
                result);
        return result;
    }
}
