package org.primarypipeline.console.contacts;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.primarypipeline.contacts.ContactAttempts;
import org.primarypipeline.core.csv.SafeCsv;
import org.springframework.stereotype.Component;

/** What a campaign's voter contact came to: by day, channel and volunteer; survey totals; the exports. */
@Component
public class ContactResults {

    public record Summary(List<ContactAttempts.DailyCount> daily, List<SurveyTotal> survey) {}

    public record SurveyTotal(String question, String answer, long count) {}

    /** An OSDI-shaped page of the campaign's attempts ({@code osdi:outreaches} with their people). */
    public record OsdiPage(int total_records, Embedded _embedded) {}

    public record Embedded(List<Outreach> osdi_outreaches) {}

    /** One attempt: the person as OSDI names their fields, the channel, result and answers. */
    public record Outreach(
            String identifier,
            Instant created_date,
            String type,
            String status,
            Person person,
            String volunteer,
            String answers,
            String notes) {}

    public record Person(
            String identifier,
            String given_name,
            List<Phone> phone_numbers,
            List<Email> email_addresses,
            String district) {}

    public record Phone(String number) {}

    public record Email(String address) {}

    private final ContactAttempts attempts;

    public ContactResults(ContactAttempts attempts) {
        this.attempts = attempts;
    }

    public Summary summary(String cycleId) {
        return new Summary(
                attempts.daily(cycleId),
                attempts.surveyTotals(cycleId).stream()
                        .map(t -> new SurveyTotal(t[0], t[1], Long.parseLong(t[2])))
                        .toList());
    }

    void csv(String cycleId, PrintWriter out) {
        try (SafeCsv csv = SafeCsv.to(
                out,
                "id",
                "at",
                "channel",
                "result",
                "contact_id",
                "name",
                "phone",
                "email",
                "district",
                "precinct",
                "volunteer",
                "answers",
                "notes")) {
            attempts.export(
                    cycleId,
                    r -> csv.row(
                            r.id(),
                            r.at(),
                            r.channel(),
                            r.result(),
                            r.contactId(),
                            r.fullName(),
                            r.phone(),
                            r.email(),
                            r.districtId(),
                            r.precinct(),
                            r.volunteer(),
                            r.answers(),
                            r.notes()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    OsdiPage osdi(String cycleId) {
        List<Outreach> rows = new ArrayList<>();
        attempts.export(
                cycleId,
                r -> rows.add(new Outreach(
                        "primary-pipeline:attempt-" + r.id(),
                        r.at(),
                        r.channel(),
                        r.result(),
                        new Person(
                                "primary-pipeline:contact-" + r.contactId(),
                                r.fullName(),
                                r.phone() == null ? List.of() : List.of(new Phone(r.phone())),
                                r.email() == null ? List.of() : List.of(new Email(r.email())),
                                r.districtId()),
                        r.volunteer(),
                        r.answers(),
                        r.notes())));
        return new OsdiPage(rows.size(), new Embedded(rows));
    }
}
