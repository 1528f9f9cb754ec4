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
        // the current column's header turns the order round
        assertThat(html).contains("aria-sort=\"descending\"><a href=\"/districts?state=CA&sort=group&dir=asc\">Group");
        List<String> bySupporters =
                districts(otto.get("/districts?state=CA&sort=supporters").body());
        assertThat(bySupporters).hasSize(DistrictsController.PAGE_SIZE);
    }

    @Test
    void everyColumnSortsDescendingToo() throws Exception {
        ConsoleHttp otto = new ConsoleHttp(base());
        otto.signIn("otto", password("otto"));
        List<String> zToA =
                districts(otto.get("/districts?state=CA&sort=district&dir=desc").body());
        assertThat(zToA)
                .hasSize(DistrictsController.PAGE_SIZE)
                .isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(zToA.get(0)).isEqualTo("CA-52");
        String html = org.springframework.web.util.HtmlUtils.htmlUnescape(
                otto.get("/districts?state=CA&sort=district&dir=desc").body());
        assertThat(html)
                .contains("aria-sort=\"descending\"><a href=\"/districts?state=CA&sort=district&dir=asc\">District");
        List<String> worstFirst =
                districts(otto.get("/districts?state=CA&dir=desc").body());
        List<String> bestFirst = districts(otto.get("/districts?state=CA").body());
        assertThat(worstFirst).doesNotContainAnyElementsOf(bestFirst);
    }

    @Test
    void thePathFilterSpeaksAllyChallengeOpenFlipThird() throws Exception {
        ConsoleHttp otto = new ConsoleHttp(base());
        otto.signIn("otto", password("otto"));
        String list = otto.get("/districts").body();
        for (String key : List.of("ally", "challenge", "open", "flip", "third")) {
            assertThat(list).contains("<option value=\"" + key + "\"");
        }
        List<String> allies = new ArrayList<>();
        for (int page = 1; page <= 2; page++) {
            allies.addAll(districts(
                    otto.get("/districts?state=NY&path=ally&page=" + page).body()));
        }
        assertThat(allies).contains("NY-14", "NY-07").doesNotContain("NY-12");
        String allyRows = otto.get("/districts?state=NY&path=ally").body();
        assertThat(allyRows)
                .contains("ally: ask to sign the pledge")
                .doesNotContain(">primary challenge to a sitting Democrat<");
        assertThat(districts(otto.get("/districts?state=MA&path=challenge").body()))
                .contains("MA-08")
                .doesNotContain("MA-07");
        assertThat(districts(otto.get("/districts?state=NY&path=open").body())).contains("NY-12");
        // links written before the short names still work
        assertThat(districts(
                        otto.get("/districts?state=MA&path=PRIMARY_CHALLENGE").body()))
                .contains("MA-08");
    }

    @Test
    void theDistrictPageShowsTheIncumbentsRecordAndLinksTheModelPage() throws Exception {
        ConsoleHttp otto = new ConsoleHttp(base());
        otto.signIn("otto", password("otto"));
        String html = org.springframework.web.util.HtmlUtils.htmlUnescape(
                otto.get("/districts/NY-14").body());
        assertThat(html)
                .contains("id=\"district-incumbent\"")
                .containsPattern("\\d+(st|nd|rd|th) most progressive of \\d+ House Democrats")
                .contains("ask for the pledge")
                .contains("href=\"/districts/model\"")
                .doesNotContain("PRIORITIZATION.md")
                .doesNotContain("docs/prioritization.md");
        assertThat(org.springframework.web.util.HtmlUtils.htmlUnescape(
                        otto.get("/districts/MA-08").body()))
                .contains("to the right of what such seats usually elect");
        HttpResponse<String> model = otto.get("/districts/model");
        assertThat(model.statusCode()).isEqualTo(200);
        assertThat(model.body()).contains("id=\"model-paths\"", "href=\"/districts?path=ally\"", "allyShare");
    }

    @Test
    void staffPreviewTheRankingUnderOtherWeightsWithoutSavingIt() throws Exception {
        ConsoleHttp otto = new ConsoleHttp(base());
        otto.signIn("otto", password("otto"));
        Integer runsBefore = jdbc.sql("select count(*) from priority_run")
                .query(Integer.class)
                .single();
        String form = otto.get("/districts/weights").body();
        assertThat(form)
                .contains("id=\"weights-form\"", "name=\"allyShare\"", "id=\"weights-current\"")
                .doesNotContain("id=\"weights-preview\"");
        String html = org.springframework.web.util.HtmlUtils.htmlUnescape(
                otto.get("/districts/weights?allyShare=0.01&valueFlip=2").body());
        assertThat(html)
                .contains("id=\"weights-preview\"", "id=\"weights-side-by-side\"")
                .contains("allyShare 0.25 -> 0.01")
                .contains("valueFlip 1 -> 2")
                .containsPattern("\\d+ districts move up");
        assertThat(jdbc.sql("select count(*) from priority_run")
                        .query(Integer.class)
                        .single())
                .isEqualTo(runsBefore);

        String refused = org.springframework.web.util.HtmlUtils.htmlUnescape(
                otto.get("/districts/weights?lean=abc&allyShare=2").body());
        assertThat(refused)
                .contains("id=\"weights-error\"")
                .contains("id=\"w-lean-error\">Write a number here, for example 0.15.")
                .contains("id=\"w-allyShare-error\">AllyShare must lie between 0 and 1")
                .doesNotContain("id=\"weights-preview\"");
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
