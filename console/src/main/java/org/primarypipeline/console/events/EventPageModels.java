package org.primarypipeline.console.events;

import java.util.List;
import org.primarypipeline.console.web.PublicPage;

/** The typed models of the events' public and host pages ({@code public/events/*}). */
final class EventPageModels {

    private EventPageModels() {}

    /** {@code /events?zip=}: the ZIP form and the events nearest it. */
    record EventList(String title, String zip, String zipError, List<Listed> events) implements PublicPage {
        public boolean hasEvents() {
            return !events.isEmpty();
        }
    }

    record Listed(long id, String name, String kind, String when, String where, String distance, int placesLeft) {}

    /** {@code /events/{id}}: the event, its shifts and the RSVP form (with what was typed and the refusals). */
    record EventPage(
            String title,
            long id,
            String name,
            String kind,
            String description,
            String when,
            String where,
            String videoUrl,
            String hostName,
            boolean open,
            List<Shift> shifts,
            String fullName,
            String email,
            String phone,
            String formError,
            String fullNameError,
            String emailError,
            String phoneError,
            String shiftError)
            implements PublicPage {}

    record Shift(long id, String when, int left, boolean full, boolean chosen) {}

    /** A short page with a heading and a sentence (sent, confirmed, not found). */
    record Notice(String title, String heading, String body, String link, String linkText) implements PublicPage {}

    /** {@code /events/rsvp/{token}}: the button that confirms (opening the link changes nothing). */
    record ConfirmPage(String title, String token, String name, String when) implements PublicPage {}

    /** {@code /me/events/new}: the proposal form. */
    record ProposePage(
            String title,
            String formKey,
            List<Choice> kinds,
            String name,
            String description,
            String date,
            String start,
            String end,
            String locationName,
            String address,
            String zip,
            String videoUrl,
            List<ShiftRow> shiftRows,
            String formError,
            String kindError,
            String nameError,
            String dateError,
            String startError,
            String endError,
            String addressError,
            String zipError,
            String videoUrlError,
            String reviewNote)
            implements PublicPage {}

    record Choice(String value, String label, boolean selected) {}

    record ShiftRow(int slot, String start, String end, String capacity, String error) {}

    /** {@code /me/events/{id}/host}: status, roster with check-in, report. */
    record HostPage(
            String title,
            String formKey,
            long id,
            String name,
            String when,
            String status,
            String notice,
            List<RosterRow> roster,
            boolean canReport,
            String attended,
            String calls,
            String doors,
            String texts,
            String formError,
            String attendedError,
            String callsError,
            String doorsError,
            String textsError,
            boolean phoneBank)
            implements PublicPage {
        public boolean hasRoster() {
            return !roster.isEmpty();
        }
    }

    record RosterRow(long rsvpId, String name, String shift, String status, boolean checkedIn) {}
}
