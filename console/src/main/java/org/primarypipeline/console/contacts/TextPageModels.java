package org.primarypipeline.console.contacts;

import java.util.List;
import org.primarypipeline.console.web.PublicPage;

/** The texter's pages (templates {@code public/contacts/text} and {@code public/contacts/conversation}). */
final class TextPageModels {

    private TextPageModels() {}

    /** My contacts in the campaign's open bank: those still to text first, then my conversations. */
    record Texts(
            String title,
            String cycleId,
            String bankName,
            String formKey,
            String notice,
            List<Row> toSend,
            List<Row> sent,
            boolean noBank)
            implements PublicPage {}

    record Row(long contactId, String name, String phone, String preview) {}

    /**
     * One conversation: its messages, the canned answers (one click each), a reply box, and the result form (the
     * bank's survey questions and the result codes, as on the phone).
     */
    record Conversation(
            String title,
            String cycleId,
            long contactId,
            String name,
            String formKey,
            List<Line> messages,
            List<String> canned,
            String body,
            String bodyError,
            String replyKey,
            boolean optedOut,
            List<CallPageModels.Question> questions,
            List<CallPageModels.ResultChoice> results,
            String attemptId,
            String resultError,
            String recorded)
            implements PublicPage {}

    record Line(String who, String body, boolean fromContact) {}
}
