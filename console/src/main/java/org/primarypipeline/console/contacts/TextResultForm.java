package org.primarypipeline.console.contacts;

import java.util.ArrayList;
import java.util.List;
import org.primarypipeline.console.web.i18n.Language;
import org.primarypipeline.console.web.i18n.PageTexts;
import org.primarypipeline.contacts.ContactResult;
import org.primarypipeline.contacts.TextBanks;

/** The result form of a conversation: the bank's survey questions and the texting result codes. */
final class TextResultForm {

    private TextResultForm() {}

    static List<CallPageModels.Question> questions(TextBanks.TextBank bank) {
        List<CallPageModels.Question> questions = new ArrayList<>();
        for (int i = 0; i < bank.questions().size(); i++) {
            questions.add(new CallPageModels.Question(bank.questions().get(i), "answer_" + i, "answer-" + i, ""));
        }
        return questions;
    }

    /** The codes read as on the phone ({@code call.result-*}). */
    static List<CallPageModels.ResultChoice> results(Language language) {
        List<CallPageModels.ResultChoice> results = new ArrayList<>();
        for (ContactResult r : ContactResult.SMS) {
            String code = r.name().toLowerCase(java.util.Locale.ROOT);
            results.add(new CallPageModels.ResultChoice(
                    r.name(), "result-" + code, PageTexts.text(language, "text.result-" + code), false));
        }
        return results;
    }
}
