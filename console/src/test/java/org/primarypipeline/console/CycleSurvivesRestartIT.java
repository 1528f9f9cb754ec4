package org.primarypipeline.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The acceptance path on embedded defaults: the packaged app is started, a cycle is driven over REST
 * to the voting round, the app is killed, started again on the same data, and the cycle goes on from
 * the same stage with its deadline and ballots, through certification to a launched fundraiser.
 */
class CycleSurvivesRestartIT {

    @TempDir
    Path dir;

    @Test
    void aCycleKilledDuringTheVotingRoundResumesThereWithNothingLost() throws Exception {
        try (AppProcess app = new AppProcess(Files.createDirectories(dir.resolve("var")))) {
            app.start();
            app.addAccount("alice", "staff");
            app.addAccount("bob", "staff");
            var launched = app.post("/api/cycles", """
                    {"district": "TX-07", "vettingPeriod": "1h", "nominationPeriod": "1h", "votingPeriod": "1h"}
                    """, "alice");
            assertThat(launched.status()).as(String.valueOf(launched.body())).isEqualTo(201);
            String cycle = "/api/cycles/TX-07-1";
            assertThat(app.post("/api/cycles", "{\"district\": \"TX-07\"}", "alice")
                            .status())
                    .isEqualTo(409);

            await().atMost(Duration.ofSeconds(60))
                    .until(() -> app.get(cycle).path("candidacies").size() == 1);
            long sitting = app.get(cycle).path("candidacies").get(0).path("id").asLong();
            signAndApprove(app, cycle, sitting);
            app.post(cycle + "/close", null, "alice");
            awaitStage(app, cycle, "NOMINATION_WINDOW");

            long nominee = app.post(cycle + "/nominations", """
                    {"nomineeName": "Ana Ortiz", "nomineeEmail": "ana@example.org",
                     "dateOfBirth": "1980-04-02", "citizenYears": "40", "inhabitant": "yes"}
                    """, "alice")
                    .body()
                    .path("candidacyId")
                    .asLong();
            signAndApprove(app, cycle, nominee);
            List<Long> members = new ArrayList<>();
            for (int i = 1; i <= 4; i++) {
                members.add(app.joinConfirmed("TX-07", "Member " + i, "m" + i + "@example.org"));
            }
            app.post(cycle + "/close", null, "alice");
            awaitStage(app, cycle, "VOTING_ROUND");
            await().atMost(Duration.ofSeconds(60)).until(() -> timelineHas(app.get(cycle), "ELECTORATE_FROZEN"));
            // member 4 asks staff by phone to hand all ten units to member 3, and confirms it by their link
            assertThat(app.put(
                                    "/api/members/" + members.get(3) + "/proxies",
                                    "{\"proxies\": [{\"proxyMemberId\": " + members.get(2)
                                            + ", \"units\": 10}], \"cycleId\": \"TX-07-1\"}",
                                    "alice")
                            .status())
                    .isEqualTo(202);
            app.confirmAssisted("m4@example.org");
            vote(app, cycle, members.get(0), "m1@example.org", sitting, nominee);
            vote(app, cycle, members.get(1), "m2@example.org", nominee);
            String deadlineBefore =
                    app.get(cycle).path("cycle").path("stageDeadline").asText();

            app.kill();
            app.start();

            JsonNode afterRestart = app.get(cycle);
            assertThat(afterRestart.path("cycle").path("stage").asText()).isEqualTo("VOTING_ROUND");
            assertThat(afterRestart.path("cycle").path("stageDeadline").asText())
                    .isEqualTo(deadlineBefore);
            await().atMost(Duration.ofSeconds(60)).until(() -> timelineHas(app.get(cycle), "RESUMED"));
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> "VOTING_ROUND"
                            .equals(app.get(cycle).path("live").path("stage").asText()));
            vote(app, cycle, members.get(2), "m3@example.org", nominee, sitting);

            app.post(cycle + "/close", null, "alice");
            awaitStage(app, cycle, "CERTIFICATION");
            JsonNode result = app.get(cycle).path("result");
            // ballots from before the kill count: 10 + 10 + (10 + 10 from member 4) = 40 units, Ana wins
            assertThat(result.path("exercised_units").decimalValue()).isEqualByComparingTo("40");
            assertThat(result.path("winner").asLong()).isEqualTo(nominee);
            assertThat(app.post(cycle + "/certify", null, "alice").status()).isEqualTo(200);
            assertThat(app.post(cycle + "/certify", null, "alice").status()).isEqualTo(409);

            // a restart in certification resumes with the approvals given (certification_approval): alice's
            // still counts, so she cannot approve a second time, and bob's approval certifies
            app.kill();
            app.start();
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> "CERTIFICATION"
                            .equals(app.get(cycle).path("live").path("stage").asText()));
            assertThat(app.get(cycle).path("live").path("certifiedBy").toString())
                    .isEqualTo("[\"alice\"]");
            var again = app.post(cycle + "/certify", null, "alice");
            assertThat(again.status()).isEqualTo(409);
            assertThat(again.body().path("error").asText()).contains("alice has already approved");
            assertThat(app.post(cycle + "/certify", null, "bob").status()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> "COMPLETED"
                            .equals(app.get(cycle).path("cycle").path("status").asText()));
            assertThat(timelineHas(app.get(cycle), "FUNDRAISER_LAUNCHED")).isTrue();
        }
    }

    private static void signAndApprove(AppProcess app, String cycle, long candidacy) throws Exception {
        assertThat(app.post(cycle + "/candidacies/" + candidacy + "/pledge", "{\"typedName\": \"Signer\"}", "alice")
                        .status())
                .isEqualTo(200);
        var review = app.post(
                cycle + "/review",
                "{\"candidacyId\": " + candidacy + ", \"verdict\": \"APPROVE\", \"checklist\": "
                        + "{\"referencesContacted\": true, \"publicRecordChecked\": true, \"fecFilingsLookedUp\": true}}",
                "alice");
        assertThat(review.status()).as(String.valueOf(review.body())).isEqualTo(200);
    }

    /** A ballot the member asked staff to enter for them, confirmed by the member's link: it counts. */
    private static void vote(AppProcess app, String cycle, long member, String email, long... ranking)
            throws Exception {
        StringBuilder ids = new StringBuilder();
        for (long id : ranking) {
            ids.append(ids.length() == 0 ? "" : ",").append(id);
        }
        var response =
                app.post(cycle + "/ballots", "{\"memberId\": " + member + ", \"ranking\": [" + ids + "]}", "alice");
        assertThat(response.status()).as(String.valueOf(response.body())).isEqualTo(202);
        app.confirmAssisted(email);
    }

    private static void awaitStage(AppProcess app, String cycle, String stage) {
        await().atMost(Duration.ofSeconds(60))
                .until(() ->
                        stage.equals(app.get(cycle).path("cycle").path("stage").asText()));
    }

    private static boolean timelineHas(JsonNode cycle, String kind) {
        for (JsonNode event : cycle.path("timeline")) {
            if (event.path("kind").asText().equals(kind)) {
                return true;
            }
        }
        return false;
    }
}
