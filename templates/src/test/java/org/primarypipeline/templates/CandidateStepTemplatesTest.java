package org.primarypipeline.templates;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every candidate email step renders HTML and text in the shared layout, with every sample field shown. */
class CandidateStepTemplatesTest {

    private final TemplateRenderer renderer = new TemplateRenderer();

    static Stream<String> steps() {
        return SampleModels.CANDIDATE_STEPS.keySet().stream();
    }

    @ParameterizedTest
    @MethodSource("steps")
    void everyStepRendersEverySampleFieldInHtmlAndText(String name) {
        RenderedMessage message = renderer.render(name, SampleModels.of(name)).requireEmail();
        assertThat(message.subject()).isNotBlank().doesNotContain("\n");
        assertThat(message.html()).startsWith("<!DOCTYPE html>").contains("Primary Pipeline");
        assertThat(message.text()).endsWith("Primary Pipeline\n");
        assertThat(message.html() + message.text() + message.subject())
                .doesNotContain("{{")
                .doesNotContain("}}");
        for (Map.Entry<String, Object> field :
                SampleModels.CANDIDATE_STEPS.get(name).entrySet()) {
            if (field.getValue() instanceof String value) {
                assertThat(message.subject() + message.text())
                        .as(name + "." + field.getKey())
                        .contains(value);
            }
        }
    }

    @Test
    void theVettingOutcomeSaysWhatWasDecided() {
        Map<String, Object> model = new HashMap<>(SampleModels.of("vetting-outcome"));
        model.put("infoRequested", false);
        model.put("rejected", true);
        model.put("reason", "Took corporate PAC money");
        RenderedMessage rejected = renderer.render("vetting-outcome", model);
        assertThat(rejected.subject()).isEqualTo("Our decision on your candidacy in OH-11");
        assertThat(rejected.text())
                .contains("cannot approve it", "Reason: Took corporate PAC money")
                .doesNotContain("approved it");
        model.put("rejected", false);
        model.put("approved", true);
        RenderedMessage approved = renderer.render("vetting-outcome", model);
        assertThat(approved.subject()).isEqualTo("You are approved as a candidate in OH-11");
        assertThat(approved.html()).contains("<strong>approved</strong>");
    }

    @Test
    void aNomineeNameWithMarkupIsEscapedInHtml() {
        Map<String, Object> model = new HashMap<>(SampleModels.of("candidate-invitation"));
        model.put("nominatorName", "<script>x</script>");
        assertThat(renderer.render("candidate-invitation", model).html())
                .doesNotContain("<script>")
                .contains("&lt;script&gt;");
    }
}
