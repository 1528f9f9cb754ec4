package org.primarypipeline.templates;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The assisted ballot's link (issue #18, item 4) by email and by text, in English and Spanish: it says
 * staff entered it at the member's request, that it counts only once confirmed, and carries the link.
 */
class AssistedBallotTemplateTest {

    private final TemplateRenderer renderer = new TemplateRenderer();

    @Test
    void theLinkToConfirmAnAssistedBallotSaysItCountsOnlyOnceConfirmed() {
        Map<String, Object> model = new HashMap<>(SampleModels.of("assisted-ballot"));
        RenderedMessage english = renderer.render("assisted-ballot", model);
        assertThat(english.subject()).isEqualTo("Confirm the ballot entered for you in OH-11");
        assertThat(english.text())
                .contains("At your request, staff entered a ranking of the candidates and a list of proxies for you")
                .contains("It counts only if you confirm it")
                .contains("void it")
                .contains("https://pp.example.org/ballot/assisted/SAMPLE-TOKEN")
                .contains("Tue, Dec 15, 8:00 PM EST")
                .doesNotContain("Hola");
        assertThat(english.html())
                .contains("href=\"https://pp.example.org/ballot/assisted/SAMPLE-TOKEN\"")
                .contains("Review and confirm");
        assertThat(english.sms())
                .contains("staff entered a ballot for you in OH-11")
                .contains("https://pp.example.org/ballot/assisted/SAMPLE-TOKEN")
                .contains("STOP");

        model.put("locale", "es");
        RenderedMessage spanish = renderer.render("assisted-ballot", model);
        assertThat(spanish.subject()).isEqualTo("Confirma la papeleta que se introdujo por ti en OH-11");
        assertThat(spanish.text() + spanish.html())
                .contains("Hola Ana Ruiz")
                .contains("Solo cuenta si la confirmas")
                .doesNotContain("Hi Ana");
        assertThat(spanish.sms()).contains("confirmas").contains("https://pp.example.org/ballot/assisted/SAMPLE-TOKEN");
    }
}
