package org.primarypipeline.console.contacts;

import java.util.List;
import org.primarypipeline.console.web.PublicPage;

/** The canvasser's walk list (template {@code public/contacts/walk}). */
final class WalkPageModels {

    private WalkPageModels() {}

    /**
     * A turf's doors in walking order, each person at a door with their own form; or, when the turf is not
     * checked out to this member, only a sentence saying so ({@code notYours}).
     *
     * @param queued the script's words: how many answers wait for a connection ({@code {n}}), all sent,
     *     an answer refused
     */
    record Walk(
            String title,
            long turfId,
            String cutName,
            int number,
            String formKey,
            String notice,
            String script,
            long visited,
            long doorsCount,
            List<Door> doors,
            boolean notYours,
            String queued,
            String allSent,
            String waiting,
            String sent,
            String refused,
            String resultRequired,
            String signIn)
            implements PublicPage {}

    /** The turfs checked out to the member ({@code /me/walk}). */
    record Mine(String title, List<MyTurf> turfs) implements PublicPage {
        public boolean none() {
            return turfs.isEmpty();
        }
    }

    record MyTurf(String url, String cutName, int number, int doors, String districtId) {}

    record Door(int position, String anchor, String address, boolean byZip, List<Person> people) {}

    /** @param attemptId made for this showing of the form: a double submit records the answer once */
    record Person(
            long contactId,
            String name,
            String last,
            List<Choice> results,
            List<Question> questions,
            String resultError,
            String notes,
            String notesError,
            String attemptId) {}

    record Choice(String value, String id, String label, boolean checked) {}

    record Question(String name, String field, String id, String answer) {}
}
