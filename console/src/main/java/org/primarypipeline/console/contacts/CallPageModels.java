package org.primarypipeline.console.contacts;

import java.util.List;
import org.primarypipeline.console.web.PublicPage;

/** The phone bank's page for a volunteer (template {@code public/contacts/call}). */
final class CallPageModels {

    private CallPageModels() {}

    /**
     * One contact to call, or none ({@code contact} null: {@code finished} or {@code noPacket}).
     *
     * @param attemptId made for this showing of the form: a double submit records the call once
     * @param voice the "call through us" form, or null when Twilio Voice is not configured
     * @param member false for a guest caller (an event link): no link to the member's page
     */
    record Call(
            String title,
            String cycleId,
            String packetName,
            String formKey,
            String notice,
            Person contact,
            String script,
            List<Question> questions,
            List<ResultChoice> results,
            String resultError,
            String notes,
            String notesError,
            String attemptId,
            long done,
            long left,
            boolean finished,
            boolean noPacket,
            boolean member,
            Voice voice)
            implements PublicPage {}

    /** Click-to-call: the volunteer's phone (typed or the member's), its error, the last call's status. */
    record Voice(String phone, String phoneError, String status) {}

    record Person(long id, String name, String phone, String telUrl, String place) {}

    record Question(String name, String field, String id, String answer) {}

    record ResultChoice(String value, String id, String label, boolean checked) {}
}
