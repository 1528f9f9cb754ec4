package org.primarypipeline.console.fundraising;

import org.primarypipeline.console.audit.AuditEntry;
import org.primarypipeline.console.audit.AuditLog;
import org.primarypipeline.console.users.Permissions;
import org.primarypipeline.console.users.Right;
import org.primarypipeline.console.users.StaffUser;
import org.primarypipeline.fundraising.FecFiling;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Writes a fundraiser's period as an FEC electronic filing ({@code .fec}; see {@link FecFiling}): the
 * conduit's earmark memos and the committee's itemized receipts. It needs the sign-off right, as the
 * other finance downloads (they carry donors' names and addresses), and is audited: the file leaves
 * the app. The finance page's download, the API and {@code pp finance export-fec} all come here.
 */
@Service
public class ExportFec {

    private final FecFiling fec;
    private final Permissions permissions;
    private final AuditLog audit;
    private final String conduitName;

    public ExportFec(
            FecFiling fec,
            Permissions permissions,
            AuditLog audit,
            @Value("${pp.fundraising.conduit-name:Primary Pipeline}") String conduitName) {
        this.fec = fec;
        this.permissions = permissions;
        this.audit = audit;
        this.conduitName = conduitName;
    }

    public FinanceCsv.File perform(StaffUser who, long fundraiserId, FinancePeriods.Period p) {
        permissions.require(who, Right.SIGN_OFF_FINANCE, "finance.export-fec", "fundraiser " + fundraiserId);
        FecFiling.Filing filing = fec.filing(fundraiserId, p.from(), p.to(), conduitName);
        audit.record(
                who.getUsername(),
                who.role().label(),
                "finance.export-fec",
                "fundraiser " + fundraiserId,
                AuditEntry.Outcome.DONE,
                "FEC filing " + p.from() + " to " + p.to() + ": " + filing.itemizedDonations() + " itemized receipts",
                null,
                null);
        return new FinanceCsv.File(filing.name(), filing.text());
    }
}
