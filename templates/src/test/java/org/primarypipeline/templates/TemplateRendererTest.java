package org.primarypipeline.templates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TemplateRendererTest {

    private final TemplateRenderer renderer = new TemplateRenderer();

    /** The model fields each shipped message documents (docs/outreach.md); every value must show up. */
    private static final Map<String, Map<String, Object>> DOCUMENTED = Map.of(
            "ballot-receipt",
                    Map.of(
                            "memberName",
                            "Ana Ruiz",
                            "districtId",
                            "TX-07",
                            "cycleId",
                            "TX-07-1",
                            "receipt",
                            "9f2c4e6a1b3d5f7e9f2c4e6a1b3d5f7e9f2c4e6a1b3d5f7e9f2c4e6a1b3d5f7e",
                            "secret",
                            "0f1e2d3c4b5a69788796a5b4c3d2e1f0",
                            "checkUrl",
                            "https://pp.example.org/ballot/TX-07-1/check"),
            "ballot-link",
                    Map.of(
                            "memberName",
                            "Ana Ruiz",
                            "districtId",
                            "TX-07",
                            "ballotUrl",
                            "https://pp.example.org/ballot/abc",
                            "closesAt",
                            "Tue, Mar 3, 8:00 PM CST"),
            "voting-reminder",
                    Map.of(
                            "memberName",
                            "Ana Ruiz",
                            "districtId",
                            "TX-07",
                            "ballotUrl",
                            "https://pp.example.org/ballot/abc",
                            "closesAt",
                            "Tue, Mar 3, 8:00 PM CST"),
            "vetting-invitation",
                    Map.of(
                            "candidateName",
                            "Jo Park",
                            "districtId",
                            "OH-11",
                            "vettingUrl",
                            "https://pp.example.org/vetting/xyz",
                            "respondBy",
                            "March 10"),
            "nomination-received",
                    Map.of(
                            "nominatorName",
                            "Sam Lee",
                            "nomineeName",
                            "Jo Park",
                            "self",
                            false,
                            "districtId",
                            "OH-11",
                            "cycleUrl",
                            "https://pp.example.org/cycles/OH-11-2026-1"),
            "cycle-result",
                    Map.of(
                            "memberName",
                            "Ana Ruiz",
                            "districtId",
                            "TX-07",
                            "winnerName",
                            "Jo Park",
                            "runnerUpName",
                            "Kim Diaz",
                            "quorumMet",
                            true,
                            "resultUrl",
                            "https://pp.example.org/results/1"),
            "group-invitation",
                    Map.of(
                            "inviterName",
                            "Ana Ruiz",
                            "districtId",
                            "WI-02",
                            "inviteeName",
                            "Ben",
                            "token",
                            "q7Xv2",
                            "offersProxy",
                            true,
                            "invitationUrl",
                            "https://pp.example.org/invitation/q7Xv2",
                            "invitationPageUrl",
                            "https://pp.example.org/invitation",
                            "joinUrl",
                            "https://pp.example.org/join"),
            "join-confirm",
                    Map.of(
                            "fullName",
                            "Ana Ruiz",
                            "districtId",
                            "VT-00",
                            "confirmUrl",
                            "https://pp.example.org/join/confirm/Q2x9",
                            "expiresIn",
                            "7 days",
                            "spanish",
                            false));

    @ParameterizedTest
    @ValueSource(
            strings = {
                "ballot-receipt",
                "ballot-link",
                "voting-reminder",
                "vetting-invitation",
                "nomination-received",
                "cycle-result",
                "group-invitation",
                "join-confirm"
            })
    void everyShippedMessageRendersEveryDocumentedFieldInSubjectOrBodies(String name) {
        Map<String, Object> model = new HashMap<>(DOCUMENTED.get(name));
        model.put("orgName", "Primary Pipeline");
        RenderedMessage message = renderer.render(name, model).requireEmail();

        assertThat(message.html()).startsWith("<!DOCTYPE html>").contains("Primary Pipeline");
        for (Map.Entry<String, Object> field : DOCUMENTED.get(name).entrySet()) {
            if (field.getValue() instanceof String value) {
                assertThat(message.subject() + message.text())
                        .as(field.getKey())
                        .contains(value);
                assertThat(message.html()).as(field.getKey()).contains(value);
            }
        }
        assertThat(message.subject()).doesNotContain("\n").isNotBlank();
        assertThat(message.html() + message.text()).doesNotContain("{{").doesNotContain("Unsubscribe");
    }

    @Test
    void htmlIsEscapedButSubjectTextAndSmsAreNot() {
        Map<String, Object> model = new HashMap<>(DOCUMENTED.get("ballot-link"));
        model.put("memberName", "Ana <b>&</b> \"Bo\"");
        model.put("orgName", "Primary Pipeline");
        RenderedMessage message = renderer.render("ballot-link", model);

        assertThat(message.html())
                .contains("Ana &lt;b&gt;&amp;&lt;/b&gt; &quot;Bo&quot;")
                .doesNotContain("<b>&</b>");
        assertThat(message.text()).contains("Hi Ana <b>&</b> \"Bo\",");
        assertThat(message.sms())
                .isEqualTo("Primary Pipeline: voting is open in TX-07 until Tue, Mar 3, 8:00 PM CST. "
                        + "Your ballot: https://pp.example.org/ballot/abc Reply STOP to opt out.");
    }

    @Test
    void everyFooterSaysWhereToWriteWhenAReplyAddressIsGiven() {
        for (String name : DOCUMENTED.keySet()) {
            Map<String, Object> model = new HashMap<>(DOCUMENTED.get(name));
            model.put("orgName", "Primary Pipeline");
            model.put("replyTo", "help@pp.example.org");
            RenderedMessage message = renderer.render(name, model);
            if (message.html() == null) {
                continue; // a text message: replies go to the number it came from
            }
            assertThat(message.text()).as(name).contains("Questions? Write to us at help@pp.example.org.");
            assertThat(message.html()).as(name).contains("href=\"mailto:help@pp.example.org\"");
        }
    }

    @Test
    void layoutsShowTheUnsubscribeLinkOnlyWhenTheSenderGivesOne() {
        Map<String, Object> model = new HashMap<>(DOCUMENTED.get("voting-reminder"));
        model.put("orgName", "Primary Pipeline");
        model.put("unsubscribeUrl", "https://pp.example.org/unsubscribe/t-1?a=1&b=2");
        RenderedMessage message = renderer.render("voting-reminder", model);

        // Mustache.java also escapes "=" (as &#61;), which browsers decode like any entity
        assertThat(message.html()).contains("href=\"https://pp.example.org/unsubscribe/t-1?a&#61;1&amp;b&#61;2\"");
        assertThat(message.text())
                .contains("Unsubscribe from these emails: https://pp.example.org/unsubscribe/t-1?a=1&b=2");
    }

    @Test
    void anInvitationStatesTheGroupsFlowRuleNotTheLiquidOne() {
        Map<String, Object> model = new HashMap<>(DOCUMENTED.get("group-invitation"));
        model.put("orgName", "Primary Pipeline");
        model.put("liquid", false);
        RenderedMessage message = renderer.render("group-invitation", model).requireEmail();
        assertThat(message.text())
                .contains("your own 10 units go to them even when you vote too")
                .doesNotContain("until you vote yourself");
        assertThat(message.html()).contains("your own 10 units go to them even when you vote too");
    }

    @Test
    void anInvitationByTextCarriesItsLink() {
        Map<String, Object> model = new HashMap<>(DOCUMENTED.get("group-invitation"));
        model.put("orgName", "Primary Pipeline");
        assertThat(renderer.render("group-invitation", model).sms())
                .isEqualTo(
                        "Ana Ruiz invites you to your district "
                                + "group with Primary Pipeline: https://pp.example.org/invitation/q7Xv2 Reply STOP to opt out.");
    }

    @Test
    void aModelFieldNamedContentCannotReplaceTheBody() {
        Map<String, Object> model = new HashMap<>(DOCUMENTED.get("ballot-link"));
        model.put("content", "INJECTED");
        assertThat(renderer.render("ballot-link", model).html())
                .doesNotContain("INJECTED")
                .contains("Open my ballot");
    }

    @Test
    void conditionalSectionsFollowTheModel() {
        Map<String, Object> noWinner = new HashMap<>(Map.of(
                "memberName",
                "Ana",
                "districtId",
                "TX-07",
                "quorumMet",
                false,
                "resultUrl",
                "https://pp.example.org/r"));
        RenderedMessage result = renderer.render("cycle-result", noWinner);
        assertThat(result.subject()).isEqualTo("The vote in TX-07 has closed");
        assertThat(result.text()).contains("without a winner. Not enough members took part");

        Map<String, Object> self = new HashMap<>(DOCUMENTED.get("nomination-received"));
        self.put("self", true);
        assertThat(renderer.render("nomination-received", self).subject())
                .isEqualTo("We received your candidacy in OH-11");
    }

    @Test
    void aResultDecidedByLotSaysSoWithBothNames() {
        Map<String, Object> lot = new HashMap<>(DOCUMENTED.get("cycle-result"));
        lot.put("decidedByLot", true);
        lot.put("tiedWithName", "Ben Ode");
        lot.put("orgName", "Primary Pipeline");
        RenderedMessage result = renderer.render("cycle-result", lot);
        assertThat(result.subject()).isEqualTo("TX-07: a tie, decided by lot for Jo Park");
        assertThat(result.text())
                .contains("decided by lot", "Jo Park and Ben Ode had the same support")
                .doesNotContain("members have chosen");
        assertThat(result.html()).contains("decided by lot");

        Map<String, Object> candidate = new HashMap<>(Map.of(
                "candidateName",
                "Ben Ode",
                "districtId",
                "TX-07",
                "won",
                false,
                "winnerName",
                "Jo Park",
                "tiedWithName",
                "Ben Ode",
                "decidedByLot",
                true,
                "resultUrl",
                "https://pp.example.org/r"));
        assertThat(renderer.render("candidate-result", candidate).text())
                .contains("ended in a tie between Jo Park and Ben Ode", "decided by lot", "the draw chose Jo Park")
                .doesNotContain("the members chose");
    }

    @Test
    void messagesWithoutAnSmsPartRefuseToGoOutBySms() {
        assertThat(renderer.has("nomination-received", MessagePart.SMS)).isFalse();
        assertThat(renderer.has("ballot-link", MessagePart.SMS)).isTrue();
        RenderedMessage message = renderer.render("nomination-received", DOCUMENTED.get("nomination-received"));
        assertThatThrownBy(message::requireSms)
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("no SMS part");
    }

    @Test
    void unknownOrMalformedMessageNamesArePermanentErrors() {
        assertThatThrownBy(() -> renderer.render("no-such-message", Map.of()))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("no templates for message 'no-such-message'");
        for (String bad : List.of("../ballot-link", "_layout", "Ballot-Link", "")) {
            assertThatThrownBy(() -> renderer.render(bad, Map.of())).isInstanceOf(TemplateException.class);
        }
    }

    @Test
    void theLinkToConfirmJoiningGoesInEnglishOrSpanishByEmailAndByText() {
        Map<String, Object> model = new HashMap<>(DOCUMENTED.get("join-confirm"));
        model.put("orgName", "Primary Pipeline");
        RenderedMessage english = renderer.render("join-confirm", model);
        assertThat(english.subject()).isEqualTo("Confirm that you want to join the VT-00 group");
        assertThat(english.text()).contains("one group").doesNotContain("Hola");
        assertThat(english.sms())
                .contains("https://pp.example.org/join/confirm/Q2x9")
                .contains("STOP");
        model.put("spanish", true);
        model.put("expiresIn", "7 días");
        RenderedMessage spanish = renderer.render("join-confirm", model);
        assertThat(spanish.subject()).isEqualTo("Confirma que quieres unirte al grupo de VT-00");
        assertThat(spanish.text() + spanish.html())
                .contains("Hola Ana Ruiz")
                .contains("7 días")
                .contains("https://pp.example.org/join/confirm/Q2x9")
                .doesNotContain("Hi Ana");
        assertThat(spanish.sms()).contains("unirte").contains("https://pp.example.org/join/confirm/Q2x9");
    }
}
