package org.primarypipeline.console.supporters;

import java.util.List;
import java.util.Map;
import org.primarypipeline.console.supporters.JoinFormModels.Choice;
import org.primarypipeline.console.supporters.JoinFormModels.Errors;
import org.primarypipeline.console.supporters.JoinFormModels.Form;
import org.primarypipeline.console.web.i18n.Language;
import org.primarypipeline.console.web.i18n.PageTexts;

/**
 * The join form as the person typed it, and the page that shows it again: what was typed (cut to the
 * fields' sizes), a sentence from the bundles beside each refused field, the districts of a split ZIP.
 */
record JoinFormPage(
        String fullName,
        String email,
        String phone,
        String street,
        String zip,
        String district,
        String language,
        boolean emailOk,
        boolean smsOk,
        String website) {

    /** The empty form, in the page's language, both boxes unticked (consent is asked, never assumed). */
    static Form empty(Language language) {
        return new Form(
                PageTexts.text(language, "join.title"),
                "",
                "",
                "",
                "",
                "",
                false,
                false,
                language == Language.ES,
                List.of(),
                Errors.NONE,
                null);
    }

    boolean spanish() {
        return "es".equalsIgnoreCase(language.strip());
    }

    /**
     * The form again: {@code problems} maps a field to its sentence's key ({@code join.error.KEY}),
     * {@code choices} the districts to pick from (empty unless the ZIP is split).
     */
    Form again(Language language, Map<String, String> problems, List<String> choices, Long waitMinutes) {
        return new Form(
                PageTexts.text(language, "join.title"),
                cut(fullName, 200),
                cut(email, 254),
                cut(phone, 32),
                cut(street, 200),
                cut(zip, 10),
                emailOk,
                smsOk,
                spanish(),
                choices.stream()
                        .map(d -> new Choice(d, "district-" + d, d.equals(district)))
                        .toList(),
                new Errors(
                        sentence(language, problems.get("fullName")),
                        sentence(language, problems.get("email")),
                        sentence(language, problems.get("phone")),
                        sentence(language, problems.get("street")),
                        sentence(language, problems.get("zip")),
                        sentence(language, problems.get("district")),
                        sentence(language, problems.get("smsOk"))),
                waitMinutes);
    }

    /**
     * The key of the page's sentence for a field the join command refused, from its English reason: the
     * command names the field, and a few reasons need words of their own.
     */
    static String keyFor(String field, String reason) {
        if (field.equals("email") && reason.contains("is needed")) {
            return "contact-needed";
        }
        if (field.equals("phone") && reason.contains("STOP")) {
            return "sms-stopped";
        }
        if (field.equals("district")) {
            return "zip-unknown";
        }
        return field;
    }

    private static String sentence(Language language, String key) {
        return key == null ? null : PageTexts.text(language, "join.error." + key);
    }

    private static String cut(String typed, int max) {
        return typed.length() > max ? typed.substring(0, max) : typed;
    }
}
