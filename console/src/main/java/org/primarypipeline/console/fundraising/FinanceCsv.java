package org.primarypipeline.console.fundraising;

import org.primarypipeline.fundraising.FinanceReports;
import org.springframework.stereotype.Component;

/** The finance downloads, named for the fundraiser and the period, for the pages and the API alike. */
@Component
public class FinanceCsv {

    /** A download: its file name and its text. */
    public record File(String name, String body) {}

    private final FinanceReports reports;

    public FinanceCsv(FinanceReports reports) {
        this.reports = reports;
    }

    /** The period's totals and days. */
    public File totals(long id, FinancePeriods.Period p) {
        return new File(
                "fundraiser-" + id + "-" + p.from() + "-" + p.to() + ".csv", reports.totalsCsv(id, p.from(), p.to()));
    }

    /** The itemized receipts of the period, Schedule A style. */
    public File scheduleA(long id, FinancePeriods.Period p) {
        return new File(
                "schedule-a-" + id + "-" + p.from() + "-" + p.to() + ".csv", reports.scheduleA(id, p.from(), p.to()));
    }
}
