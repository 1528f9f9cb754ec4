package org.primarypipeline.console.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.primarypipeline.core.cycle.CycleSettings;
import org.primarypipeline.voting.BallotFixture;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * Issue #18, secret receipts, through the whole app: the attack the issue describes (try every member
 * id with every ranking of the nominees against the published receipt list) run on a real counted round
 * recovers nothing; the same attack code recovers every ballot from the list the old receipt formula
 * would have published for the same casts. A member still checks their receipt with the secret the
 * ballot page showed them. Failed on the code before secrets: the attack recovered every ballot.
 */
class SecretReceiptsTest extends ConsoleTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    ApplicationContext app;

    /** One cast as the test made it: who, what, and its place in the chain. */
    record Cast(long member, String ranking, long seq) {}

    /** A published entry as anyone can read it. */
    record Entry(long seq, String previous, String receipt) {}

    @Test
    void tryingEveryMemberAndRankingAgainstThePublishedListRecoversNothing() throws Exception {
        BallotFixture.Round round = new BallotFixture(app::getBean)
                .votingRound("NE-03", CycleSettings.defaults(), "Ana Secret", "Ben Secret", "Cy Secret");
        List<Long> nominees = round.nominees;
        List<Long> members = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            members.add(round.join("Secret Voter" + i));
        }
        round.open();
        List<Cast> casts = new ArrayList<>();
        List<List<Long>> rankings = rankings(nominees);
        // three members vote through their ballot page; the page answering the cast shows the secret
        BallotVoter ann = BallotVoter.open(base(), jdbc, round.cycleId, members.get(0), email(0));
        HttpResponse<String> annCast = ann.rank(List.of(nominees.get(2), nominees.get(0)));
        casts.add(new Cast(members.get(0), join(List.of(nominees.get(2), nominees.get(0))), 1));
        for (int i = 1; i < 3; i++) {
            List<Long> ranking = rankings.get(i * 4 % rankings.size());
            assertThat(BallotVoter.open(base(), jdbc, round.cycleId, members.get(i), email(i))
                            .rank(ranking)
                            .statusCode())
                    .isIn(200, 303);
            casts.add(new Cast(members.get(i), join(ranking), casts.size() + 1));
        }
        for (int i = 3; i < members.size(); i++) {
            List<Long> ranking = rankings.get(i * 7 % rankings.size());
            round.cast(members.get(i), ranking.toArray(Long[]::new));
            casts.add(new Cast(members.get(i), join(ranking), casts.size() + 1));
        }
        round.countAndClose();

        JsonNode published =
                JSON.readTree(BallotVoter.get(base(), "/ballot/" + round.cycleId + "/receipts?limit=1000", null)
                        .body());
        List<Entry> list = new ArrayList<>();
        for (JsonNode e : published.get("entries")) {
            List<String> fields = new ArrayList<>();
            for (Iterator<String> names = e.fieldNames(); names.hasNext(); ) {
                fields.add(names.next());
            }
            assertThat(fields).containsExactly("seq", "previous", "receipt", "counted");
            list.add(new Entry(
                    e.get("seq").asLong(),
                    e.get("previous").asText(),
                    e.get("receipt").asText()));
        }
        assertThat(list).hasSize(casts.size());

        long low = members.stream().mapToLong(Long::longValue).min().orElseThrow() - 5;
        long high = members.stream().mapToLong(Long::longValue).max().orElseThrow() + 5;
        assertThat(attack(round.cycleId, list, low, high, rankings))
                .as("ballots recovered from the published list")
                .isEmpty();

        // the same attack on the list the old formula gives for the same casts finds every one of them
        List<Entry> oldScheme = new ArrayList<>();
        String previous = "0".repeat(64);
        for (Cast c : casts) {
            String receipt =
                    sha256(previous + "\n" + round.cycleId + "\n" + c.member() + "\n" + c.ranking() + "\n" + c.seq());
            oldScheme.add(new Entry(c.seq(), previous, receipt));
            previous = receipt;
        }
        assertThat(attack(round.cycleId, oldScheme, low, high, rankings)).containsExactlyInAnyOrderElementsOf(casts);

        // Ann checks her ballot: found and counted, and she recomputes it with her secret
        assertThat(annCast.statusCode()).as("the page answers the cast itself").isEqualTo(200);
        String annSecret = secretOn(annCast.body());
        String annReceipt = receiptOn(annCast.body());
        assertThat(ann.page().body()).doesNotContain(annSecret);
        assertThat(BallotVoter.get(base(), "/ballot/" + round.cycleId + "/receipts/" + annReceipt, null)
                        .body())
                .contains("\"found\":true", "\"counted\":true");
        Entry hers = list.get(0);
        assertThat(sha256(hers.previous() + "\n" + round.cycleId + "\n" + members.get(0) + "\n"
                        + join(List.of(nominees.get(2), nominees.get(0))) + "\n" + hers.seq() + "\n"
                        + sha256(annSecret)))
                .isEqualTo(annReceipt);
        // the secret is nowhere in the database, once mailed not even in the outbox
        assertThat(jdbc.sql("select count(*) from ballot_receipt where secret_hash = ? or receipt = ?")
                        .params(annSecret, annSecret)
                        .query(Integer.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql("""
                        select model ->> 'secret' from outbox_message
                        where template = 'ballot-receipt' and recipient = ?""").param(email(0)).query(String.class).list())
                .as("one receipt mail: its secret kept until sent, dropped once the mailbox took it")
                .hasSize(1)
                .allSatisfy(secret -> assertThat(secret).isIn(annSecret, null));
    }

    /** Every (member, ranking) whose receipt under the published formula matches an entry of the list. */
    private static Set<Cast> attack(String cycleId, List<Entry> list, long low, long high, List<List<Long>> rankings)
            throws Exception {
        Set<Cast> found = new HashSet<>();
        for (Entry e : list) {
            for (long member = low; member <= high; member++) {
                for (List<Long> ranking : rankings) {
                    String guess = sha256(
                            e.previous() + "\n" + cycleId + "\n" + member + "\n" + join(ranking) + "\n" + e.seq());
                    if (guess.equals(e.receipt())) {
                        found.add(new Cast(member, join(ranking), e.seq()));
                    }
                }
            }
        }
        return found;
    }

    /** Every ordered choice of one or more nominees: 15 for three. */
    private static List<List<Long>> rankings(List<Long> nominees) {
        List<List<Long>> all = new ArrayList<>();
        extend(new ArrayList<>(), nominees, all);
        return all;
    }

    private static void extend(List<Long> prefix, List<Long> nominees, List<List<Long>> all) {
        for (Long n : nominees) {
            if (!prefix.contains(n)) {
                List<Long> next = new ArrayList<>(prefix);
                next.add(n);
                all.add(next);
                extend(next, nominees, all);
            }
        }
    }

    private static String join(List<Long> ranking) {
        return String.join(">", ranking.stream().map(String::valueOf).toList());
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static String secretOn(String html) {
        Matcher m = Pattern.compile("<code id=\"secret\">([0-9a-f]{32})</code>").matcher(html);
        assertThat(m.find()).as("the secret on the page answering the cast").isTrue();
        return m.group(1);
    }

    private static String receiptOn(String html) {
        Matcher m = Pattern.compile("<code>([0-9a-f]{64})</code>").matcher(html);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    private static String email(int i) {
        return "secret.voter" + i + "@ne-03.example.org";
    }
}
