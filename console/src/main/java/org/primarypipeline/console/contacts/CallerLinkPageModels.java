package org.primarypipeline.console.contacts;

import java.util.List;
import org.primarypipeline.console.web.PublicPage;

/** The pages of one-time event links for guest callers (templates {@code public/contacts/caller-links}, {@code call-link}). */
final class CallerLinkPageModels {

    private CallerLinkPageModels() {}

    /**
     * The event host's page: the form for a new link, the link just made (shown once), and the links made.
     *
     * @param madeUrl the new link's address, or null
     */
    record Links(
            String title,
            String formKey,
            long eventId,
            String eventName,
            String name,
            String nameError,
            String formError,
            String madeUrl,
            String madeFor,
            String madeUntil,
            List<Row> links)
            implements PublicPage {
        public boolean hasLinks() {
            return !links.isEmpty();
        }
    }

    record Row(String name, String until, boolean used) {}

    /** A guest caller's link: the button that opens it, or why it does not work. */
    record Open(String title, String action, boolean valid, boolean used, boolean expired, boolean unknown)
            implements PublicPage {}
}
