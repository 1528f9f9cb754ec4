package org.primarypipeline.console.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.primarypipeline.console.districts.DistrictsController;

/** The district page shows each factor of the score, with gaps labelled; the list sorts and charts. */
class DistrictPageTest extends ConsoleTestSupport {

    private static final Pattern ROW_DISTRICT =
            Pattern.compile("<th scope=\"row\"><a href=\"/districts/([A-Z]{2}-\\d{2})\">");

    @Test
    void everyFactorOfTheScoreIsShownAndTheScoreTermsAddUpToIt() throws Exception {
        ConsoleHttp otto = new ConsoleHttp(base());
        otto.signIn("otto", password("otto"));
        HttpResponse<String> page = otto.get("/districts/TX-07");
        assertThat(page.statusCode()).isEqualTo(200);
        String html = page.body();
        assertThat(html)
                .contains("id=\"factors-score\"")
                .contains("id=\"factors-primary\"")
                .contains("id=\"factors-general\"");
        for (String term : List.of("score.primary", "score.general", "score.cost", "score.value")) {
            assertThat(html).contains("data-term=\"" + term + "\"");
        }
        // the score's natural-log terms add up to ln(score), as the page says
        double sum = 0;
        Matcher m = Pattern.compile(
                        "data-term=\"score\\.[a-z]+\"><th scope=\"row\">[^<]+</th><td class=\"num\">([+-][0-9.]+)")
                .matcher(html);
        int terms = 0;
        while (m.find()) {
            sum += Double.parseDouble(m.group(1));
            terms++;
        }
        assertThat(terms).isEqualTo(4);
        Matcher score = Pattern.compile("· ([0-9.]+) expected wins per \\$1M").matcher(html);
        assertThat(score.find()).isTrue();
        assertThat(Math.exp(sum))
                .isCloseTo(Double.parseDouble(score.group(1)), org.assertj.core.data.Offset.offset(0.01));
        assertThat(html).containsAnyOf("id=\"district-gaps\"", "id=\"district-gaps-none\"");

        assertThat(otto.get("/districts/ZZ-99").statusCode()).isEqualTo(404);
    }

    @Test
    void aDistrictWithAGapLabelsIt() throws Exception {
        ConsoleHttp otto = new ConsoleHttp(base());
        otto.signIn("otto", password("otto"));
        String gapped = jdbc.sql("""
                select district_id from district_priority
                where run_id = (select max(id) from priority_run where completed_at is not null) and cardinality(gaps) > 0
                order by district_id limit 1
                """).query(String.class).single();
        String gap = jdbc.sql("""
                select gaps[1] from district_priority
                where run_id = (select max(id) from priority_run where completed_at is not null) and district_id = ?
                """).param(gapped).query(String.class).single();
        String html = otto.get("/districts/" + gapped).body();
        assertThat(html)
                .contains("id=\"district-gaps\"")
                .contains(org.springframework.web.util.HtmlUtils.htmlEscape(gap));
    }

    @Test
    void theListSortsByEachColumnAndKeepsTheFilters() throws Exception {
        ConsoleHttp otto = new ConsoleHttp(base());
        otto.signIn("otto", password("otto"));
        List<String> byDistrict =
                districts(otto.get("/districts?state=CA&sort=district").body());
        assertThat(byDistrict).hasSize(DistrictsController.PAGE_SIZE).allMatch(d -> d.startsWith("CA-"));
        assertThat(byDistrict).isSorted();
        List<String> byRank = districts(otto.get("/districts?state=CA").body());
        assertThat(byRank).isNotEqualTo(byDistrict);
        String html = org.springframework.web.util.HtmlUtils.htmlUnescape(
                otto.get("/districts?state=CA&sort=group").body());
        assertThat(html).contains("href=\"/districts?state=CA&sort=win\"").contains("id=\"scores-data\"");
        assertThat(html).contains("aria-sort=\"descending\"><a href=\"/districts?state=CA&sort=group\">Group");
        List<String> bySupporters =
                districts(otto.get("/districts?state=CA&sort=supporters").body());
        assertThat(bySupporters).hasSize(DistrictsController.PAGE_SIZE);
    }

    private static List<String> districts(String html) {
        List<String> found = new ArrayList<>();
        Matcher m = ROW_DISTRICT.matcher(html);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }
}
