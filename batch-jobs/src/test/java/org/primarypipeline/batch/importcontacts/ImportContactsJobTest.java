package org.primarypipeline.batch.importcontacts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.primarypipeline.batch.importsupporters.ImportRuns;
import org.primarypipeline.batch.importsupporters.SupporterBatchWiring;
import org.primarypipeline.contacts.CampaignFixture;
import org.primarypipeline.testing.ActivitiesContext;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.MapPropertySource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A voter file into a campaign's contacts on a real PostgreSQL, through the supporter import's partitions:
 * rows placed in districts, the extra columns kept, rejects reported with line and reason, progress counted,
 * and the same file again changes nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ImportContactsJobTest {

    @TempDir
    Path folder;

    private ActivitiesContext db;
    private AnnotationConfigApplicationContext batch;
    private JdbcClient jdbc;

    @Configuration
    @Import({SupporterBatchWiring.class, ImportContactsJobConfiguration.class, ContactImports.class})
    static class Wiring {}

    @BeforeAll
    void start() {
        db = ActivitiesContext.start();
        batch = new AnnotationConfigApplicationContext();
        batch.getEnvironment()
                .getPropertySources()
                .addFirst(new MapPropertySource(
                        "test",
                        Map.of("pp.import.chunk-size", "2", "pp.import.block-size", "2", "pp.import.partitions", "2")));
        DataSource dataSource = db.dataSource();
        batch.registerBean("dataSource", DataSource.class, () -> dataSource, bd -> bd.setDestroyMethodName(""));
        batch.register(Wiring.class);
        batch.refresh();
        jdbc = db.jdbc();
    }

    @AfterAll
    void stop() {
        batch.close();
        db.close();
    }

    @Test
    void aVoterFileBecomesDistrictedContactsWithRejectsByLine() throws Exception {
        String cycle = CampaignFixture.campaign(jdbc, "KY-06", 6);
        Path file = folder.resolve("voters.csv");
        Files.writeString(
                file,
                String.join(
                                "\n",
                                "first_name,last_name,phone,email,street,city,state,zip,precinct,party,age,vote_history",
                                "Ann,Lex,(859) 555-0101,,1 Main St,Lexington,KY,40507,LEX-1,DEM,44,\"g2024,p2024\"",
                                "Bo,Lou,502-555-0102,bo@example.org,2 Elm St,Louisville,KY,40202,LOU-7,REP,61,g2020",
                                "Cy,Nophone,,,3 Oak St,Lexington,KY,40507,LEX-1,,,",
                                "Di,Badzip,859-555-0104,,4 Pine St,Lexington,KY,4050799,LEX-2,,,",
                                "Ed,Old,859-555-0105,,5 Ash St,Lexington,KY,40507,LEX-2,,130,",
                                "Fay,Young,859-555-0106,,6 Fir St,Lexington,KY,40507,LEX-2,IND,19,g2024 NOT*A*TAG")
                        + "\n");
        List<ImportRuns.Progress> seen = new ArrayList<>();
        ContactImports imports = batch.getBean(ContactImports.class);

        ContactImports.Outcome outcome = imports.importFile(file, cycle, Duration.ofMillis(50), seen::add);

        assertThat(outcome.status()).isEqualTo("COMPLETED");
        assertThat(outcome.read()).isEqualTo(6);
        assertThat(outcome.created()).isEqualTo(3);
        assertThat(outcome.rejected()).isEqualTo(3);
        assertThat(Files.readAllLines(Path.of(outcome.rejectsReport())))
                .hasSize(4)
                .anySatisfy(l -> assertThat(l).startsWith("4,").contains("no email or phone"))
                .anySatisfy(l -> assertThat(l).startsWith("5,").contains("ZIP"))
                .anySatisfy(l -> assertThat(l).startsWith("6,").contains("age is not between 16 and 120"));
        assertThat(seen).isNotEmpty();
        assertThat(seen.get(seen.size() - 1).line()).contains("6 of 6 rows read, 3 written, 3 rejected");

        assertThat(row("Ann Lex")).isEqualTo("+18595550101 KY-06 LEX-1 DEM 44 {g2024,p2024}");
        assertThat(row("Bo Lou")).isEqualTo("+15025550102 KY-03 LOU-7 REP 61 {g2020}");
        assertThat(row("Fay Young")).isEqualTo("+18595550106 KY-06 LEX-2 IND 19 {g2024}");
        // contacts are not members
        assertThat(jdbc.sql("select count(*) from member where phone = '+18595550101'")
                        .query(Long.class)
                        .single())
                .isZero();

        ContactImports.Outcome again = imports.importFile(file, cycle, Duration.ofMillis(50), null);
        assertThat(again.alreadyImported()).isTrue();
        assertThat(jdbc.sql("select count(*) from contact where cycle_id = ?")
                        .param(cycle)
                        .query(Long.class)
                        .single())
                .isEqualTo(3);
        // the supporters' page lists supporter imports only
        assertThat(batch.getBean(ImportRuns.class).recent(10)).doesNotContain(outcome.runId());
    }

    private String row(String name) {
        return jdbc.sql("""
                        select phone || ' ' || district_id || ' ' || precinct || ' ' || party || ' ' || age || ' ' || tags::text
                        from contact where full_name = ?""").param(name).query(String.class).single();
    }
}
