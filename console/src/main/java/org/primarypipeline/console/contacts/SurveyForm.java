package org.primarypipeline.console.contacts;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The survey fields of a call, text or door form ({@code answer_0}, {@code answer_1}...) by question. */
final class SurveyForm {

    private SurveyForm() {}

    /** Each question's answer as posted, in the questions' order; a question the form did not send is left out. */
    static Map<String, String> answers(List<String> questions, Map<String, String> form) {
        Map<String, String> answers = new LinkedHashMap<>();
        for (int i = 0; i < questions.size(); i++) {
            String answer = form.get("answer_" + i);
            if (answer != null) {
                answers.put(questions.get(i), answer);
            }
        }
        return answers;
    }
}
