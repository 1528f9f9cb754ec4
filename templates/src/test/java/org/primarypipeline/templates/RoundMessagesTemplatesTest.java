package org.primarypipeline.templates;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The messages that carry a round render in English and Spanish from the sample data: every part, every
 * sample field, no key left unresolved, and the group's flow rule in the one shared sentence.
 */
class RoundMessagesTemplatesTest {

    private final TemplateRenderer renderer = new TemplateRenderer();

    static Stream<Arguments> messagesInBothLanguages() {
        return SampleModels.ROUND_MESSAGES.keySet().stream()
                .flatMap(name -> Stream.of(Arguments.of(name, "en"), Arguments.of(name, "es")));
    }

    @ParameterizedTest
    @MethodSource("messagesInBothLanguages")
    void rendersEveryPartWithEverySampleFieldAndTheFlowRule(String name, String language) {
        Map<String, Object> model = SampleModels.of(name);
        model.put("locale", language);
        RenderedMessage message = renderer.render(name, model).requireEmail();
        String all = message.subject() + message.html() + message.text() + message.sms();
        assertThat(all).doesNotContain("{{").doesNotContain("}}");
        // an unresolved key renders as itself
        for (String key : MessageTexts.keys("en")) {
            if (key.startsWith(name + ".") || key.startsWith("round.") || key.startsWith("flow-rule")) {
                assertThat(all).as(key).doesNotContain(key + " ").doesNotContain(key + "<");
            }
        }
        assertThat(message.html()).contains("lang=\"" + language + "\"");
        for (Map.Entry<String, Object> field :
                SampleModels.ROUND_MESSAGES.get(name).entrySet()) {
            if (field.getValue() instanceof String value) {
                assertThat(message.subject() + message.text())
                        .as(field.getKey())
                        .contains(value);
            }
        }
        boolean liquid = Boolean.TRUE.equals(model.get("liquid"));
        String rule = MessageTexts.flowRule(language, liquid);
        assertThat(message.text()).contains(rule);
        assertThat(message.sms()).contains(language.equals("es") ? "Responde STOP" : "Reply STOP");
        assertThat(message.subject()).doesNotContain("\n").isNotBlank();
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "es"})
    void theFlowRuleSentenceFollowsTheGroupsPolicy(String language) {
        String smart = MessageTexts.flowRule(language, false);
        String liquid = MessageTexts.flowRule(language, true);
        assertThat(smart).isNotEqualTo(liquid).doesNotContain("{{");
        assertThat(smart).contains(language.equals("es") ? "aunque también votes" : "even when you vote too");
        assertThat(liquid).contains(language.equals("es") ? "solo si no votas" : "only if you do not vote");
        Map<String, Object> model = SampleModels.of("voting-reminder");
        model.put("locale", language);
        model.put("liquid", true);
        assertThat(renderer.render("voting-reminder", model).text())
                .contains(liquid)
                .doesNotContain(smart);
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "es"})
    void anEndedRoundSaysWhy(String language) {
        Map<String, Object> model = new HashMap<>(SampleModels.of("round-ended"));
        model.put("locale", language);
        String quorum = renderer.render("round-ended", model).text();
        assertThat(quorum)
                .contains(MessageTexts.text(language, "round-ended.quorum").replace("{{districtId}}", "OH-11"));
        model.put("quorum", false);
        model.put("cancelled", true);
        RenderedMessage cancelled = renderer.render("round-ended", model);
        assertThat(cancelled.text())
                .contains(MessageTexts.text(language, "round-ended.cancelled").replace("{{districtId}}", "OH-11"))
                .doesNotContain(
                        MessageTexts.text(language, "round-ended.quorum").replace("{{districtId}}", "OH-11"));
        assertThat(cancelled.subject()).contains(language.equals("es") ? "Se canceló" : "was cancelled");
        model.put("cancelled", false);
        model.put("noNominee", true);
        assertThat(renderer.render("round-ended", model).text())
                .contains(MessageTexts.text(language, "round-ended.no-nominee").replace("{{districtId}}", "OH-11"));
    }
}
