package org.primarypipeline.integrations.outreach.sms;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InboundKeywordTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "STOP|OPT_OUT",
                "stop|OPT_OUT",
                "  Stop  |OPT_OUT",
                "STOPALL|OPT_OUT",
                "UNSUBSCRIBE|OPT_OUT",
                "CANCEL|OPT_OUT",
                "END|OPT_OUT",
                "QUIT|OPT_OUT",
                "OPTOUT|OPT_OUT",
                "REVOKE|OPT_OUT",
                "START|OPT_IN",
                "unstop|OPT_IN",
                "Yes|OPT_IN",
                "HELP|HELP",
                "info|HELP"
            })
    void wholeMessageKeywordsInAnyCase(String body, InboundKeyword keyword) {
        assertThat(InboundKeyword.of(body)).isEqualTo(keyword);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {"Stop by the office?", "please stop", "STOP!", "thanks", "''"})
    void anythingElseIsAnOrdinaryReply(String body) {
        assertThat(InboundKeyword.of(body)).isNull();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {"STOP|OPT_OUT", "START|OPT_IN", "HELP|HELP", "stop|OPT_OUT"})
    void twilioOptOutTypeNamesTheKeywordTwilioActedOn(String optOutType, InboundKeyword keyword) {
        assertThat(InboundKeyword.ofOptOutType(optOutType)).isEqualTo(keyword);
    }
}
