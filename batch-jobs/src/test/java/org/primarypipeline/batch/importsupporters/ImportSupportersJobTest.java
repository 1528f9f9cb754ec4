package org.primarypipeline.batch.importsupporters;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.primarypipeline.core.supporter.SupporterCsvGenerator;
import org.primarypipeline.supporters.MemberRepository;
import org.primarypipeline.testing.ActivitiesContext;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The import job end to end on a real PostgreSQL with the 2026 plan loaded: what it wrote, what it
 * rejected and why, that running the same file again changes nothing, and that a failed import resumes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ImportSupportersJobTest {

    @TempDir
    Path folder;

    private ActivitiesContext db;
    private AnnotationConfigApplicationContext batch;
    private JdbcClient jdbc;

    @BeforeAll
    void start() {
        db = ActivitiesContext.start();
        batch = SupporterBatchWiring.start(
                db.dataSource(), Map.of("pp.import.chunk-size", "4", "pp.import.partitions", "2"));
        jdbc = db.jdbc();
    }

    @AfterAll
    void stop() {
        batch.close();
        db.close();
    }

    @Test
    void rowsAreValidatedDistrictedDeduplicatedAndStoredAndRejectsReportedWithLineAndReason() throws Exception {
        // someone who joined TX-35's group on the web, with no address: the file fills in, their choice stays
        long web = db.bean(MemberRepository.class).join("TX-35", "Wendy Web", "wendy@example.org", null);
        Path file = folder.resolve("supporters.csv");
        Files.writeString(
                file,
                String.join(
                                "\n",
                                "Name,Email,Phone,Street,City,State,ZIP,Latitude,Longitude,Source,email_consent,sms_consent,joined",
                                "Ana Madison,ANA@example.org,(608) 555-0101,1 Main St,Madison,WI,53703,43.0747,-89.3842,rally,yes,yes,yes",
                                "Ben Milwaukee,ben@example.org,414-555-0102,5 Calle Peñasco 🏠,Milwaukee,wi,53202,,,,,no,yes",
                                "Cy Split,cy@example.org,,,,TX,78701,,,,no,,",
                                "Di Unknown,di@example.org,,,,TX,00001,,,,,,yes",
                                "Bad Email,not-an-address,,,,TX,78701,,,,,,",
                                "Bad Zip,bz@example.org,,,,TX,1234567,,,,,,",
                                ",noname@example.org,,,,TX,78701,,,,,,",
                                "Ana Again,ana@example.org,,,,WI,53703,,,,no,,yes",
                                "Wendy Web,Wendy@Example.org,,2 Elm St,Austin,TX,78701,,,,,,",
                                "Eve Phone,,+1 512 555 0199,,,TX,78701,,,,,yes,",
                                "Eve Twin,eve@example.org,512.555.0199,,,TX,78701,,,,,,",
                                "\"Quoted, Name\",q@example.org,,\"line one",
                                "line two\",Austin,TX,78701,,,,,,",
                                "Bad Phone,bp@example.org,555-0100,,,TX,78701,,,,,,")
                        + "\n");

        SupporterImports.Outcome outcome =
                batch.getBean(SupporterImports.class).run(file, SupporterImports.Options.defaults());

        assertThat(outcome.batchStatus()).isEqualTo("COMPLETED");
        ImportRuns.ImportRun run = outcome.run();
        assertThat(run.status()).isEqualTo("COMPLETED");
        assertThat(run.totalRows()).isEqualTo(13);
        assertThat(run.rowsRead()).isEqualTo(13);
        assertThat(run.rowsRejected()).isEqualTo(4);
        assertThat(run.created()).isEqualTo(6); // Ana, Ben, Cy, Di, Eve, Quoted
        assertThat(run.matched()).isEqualTo(1); // Wendy
        assertThat(run.duplicates()).isEqualTo(2); // Ana Again (email), Eve Twin (phone)
        // the progress anyone watching saw last: every row read, the rejects apart
        ImportRuns.Progress progress =
                batch.getBean(SupporterImports.class).progress(run.id()).orElseThrow();
        assertThat(progress.read()).isEqualTo(13);
        assertThat(progress.written()).isEqualTo(9);
        assertThat(progress.rejected()).isEqualTo(4);
        assertThat(progress.line())
                .startsWith("import " + run.id() + ": completed, 13 of 13 rows read, 9 written, 4 rejected");

        // the partitions race for a repeated person: whichever of Ana's rows is written first stands
        assertThat(district("ana@example.org")).matches("WI-02 (COORDINATES|ZIP) false");
        assertThat(district("ben@example.org")).isEqualTo("WI-04 ZIP false");
        assertThat(district("cy@example.org")).matches("TX-\\d\\d ZIP_CENTROID_PROVISIONAL true");
        assertThat(district("di@example.org")).isEqualTo("null null false");
        assertThat(jdbc.sql("select district_reason from member where email = 'di@example.org'")
                        .query(String.class)
                        .single())
                .isEqualTo("unknown ZIP 00001");
        assertThat(district("wendy@example.org")).isEqualTo("TX-35 MEMBER_CONFIRMED false");
        assertThat(jdbc.sql("select street from member where id = ?")
                        .param(web)
                        .query(String.class)
                        .single())
                .isEqualTo("2 Elm St");
        assertThat(jdbc.sql("select phone from member where full_name = 'Eve Phone'")
                        .query(String.class)
                        .single())
                .isEqualTo("+15125550199");
        // text beyond ASCII, two bytes and four in UTF-8, is copied as it is
        assertThat(jdbc.sql("select street from member where email = 'ben@example.org'")
                        .query(String.class)
                        .single())
                .isEqualTo("5 Calle Peñasco 🏠");
        assertThat(jdbc.sql("select street from member where email = 'q@example.org'")
                        .query(String.class)
                        .single())
                .isEqualTo("line one\nline two");

        // joined rows with a district are in its group; Di joined but has none yet
        assertThat(groupOf("ana@example.org")).isEqualTo("WI-02");
        assertThat(groupOf("ben@example.org")).isEqualTo("WI-04");
        assertThat(groupOf("wendy@example.org")).isEqualTo("TX-35");
        assertThat(jdbc.sql(
                                "select count(*) from group_membership gm join member m on m.id = gm.member_id where m.email = 'di@example.org'")
                        .query(Integer.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql("select joined_at is not null from member where email = 'di@example.org'")
                        .query(Boolean.class)
                        .single())
                .isTrue();
        // the organisation vouches for the rows it imports as joining: recorded as such, no link is sent; Wendy
        // was entered as a member before the import and keeps how she was confirmed
        assertThat(jdbc.sql("""
                        select email || ' ' || coalesce(joined_via, '-') from member
                        where email in ('ana@example.org', 'ben@example.org', 'di@example.org', 'wendy@example.org')
                        order by email""").query(String.class).list())
                .containsExactly(
                        "ana@example.org VOUCHED_LIST",
                        "ben@example.org VOUCHED_LIST",
                        "di@example.org VOUCHED_LIST",
                        "wendy@example.org STAFF");

        // consent: in the one registry, with source and evidence
        assertThat(consent("SMS", "+16085550101")).isEqualTo("false import");
        assertThat(jdbc.sql(
                                "select r.evidence || ' / ' || e.evidence from consent r join consent_event e using (channel, address)"
                                        + " where channel = 'SMS' and address = '+16085550101'")
                        .query(String.class)
                        .single())
                .isEqualTo("import " + run.id() + " line 2 / import " + run.id() + " line 2");
        // Ana's repeated row says no to email: an opt-out is never lost to deduplication, whichever row came first
        assertThat(consent("EMAIL", "ana@example.org")).isEqualTo("true import");
        assertThat(consent("SMS", "+14145550102")).isEqualTo("true import");
        assertThat(consent("EMAIL", "cy@example.org")).isEqualTo("true import");

        List<String> rejects = jdbc.sql(
                        "select line || ': ' || reason from import_reject where run_id = ? order by line")
                .param(run.id())
                .query(String.class)
                .list();
        assertThat(rejects)
                .containsExactly(
                        "6: email is not an address: 'not-an-address'",
                        "7: ZIP is not 5 digits: '1234567'",
                        "8: name is missing",
                        "15: phone is not a 10-digit US number: '555-0100'");
        assertThat(run.rejectsReport()).isNotNull();
        assertThat(Files.readAllLines(Path.of(run.rejectsReport())))
                .hasSize(5)
                .element(1)
                .asString()
                .startsWith("6,");

        // the same file again: every row is known, nothing changes
        String before = snapshot();
        SupporterImports.Outcome again =
                batch.getBean(SupporterImports.class).run(file, SupporterImports.Options.defaults());
        assertThat(again.run().created()).isZero();
        assertThat(again.run().rowsRejected()).isEqualTo(4);
        assertThat(again.resumed()).isFalse();
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void aFailedImportResumesAfterItsLastCommittedChunkAndLosesNoRow() throws Exception {
        Path file = folder.resolve("generated.csv");
        new SupporterCsvGenerator(11, 0.25).write(file, 3_000);
        // the database refuses one row: the partition holding it fails after committing earlier chunks
        jdbc.sql("""
                create function refuse_row() returns trigger language plpgsql as $$
                begin
                  if new.email = 'someone.2407@example.org' then raise exception 'refused for the test'; end if;
                  return new;
                end $$""").update();
        jdbc.sql("create trigger refuse_row before insert on member for each row execute function refuse_row()")
                .update();
        try (AnnotationConfigApplicationContext larger = SupporterBatchWiring.start(
                db.dataSource(), Map.of("pp.import.chunk-size", "100", "pp.import.partitions", "2"))) {
            resumes(file, larger.getBean(SupporterImports.class));
        }
    }

    @Test
    void someoneWhoJoinsOnTheWebWhileTheImportRunsIsFoundNotCopiedTwice() throws Exception {
        Path file = folder.resolve("while-running.csv");
        Files.writeString(
                file,
                String.join(
                                "\n",
                                "name,email,zip",
                                "Ann First,ann.first@example.org,53703",
                                "Bo First,bo.first@example.org,53703",
                                "Cal Later,cal.later@example.org,53703",
                                "Lee Web,lee.web@example.org,53703")
                        + "\n");
        // the first chunk's commit brings Lee in as a web sign-up: after the run's key index was loaded, so
        // the second chunk's COPY meets the unique index, goes back to its savepoint and finds Lee there
        jdbc.sql("""
                create function web_signup() returns trigger language plpgsql as $$
                begin
                  insert into member (full_name, email) select 'Lee Web', 'lee.web@example.org'
                  where not exists (select 1 from member where email = 'lee.web@example.org');
                  return new;
                end $$""").update();
        jdbc.sql(
                        "create trigger web_signup after insert or update on import_progress for each row execute function web_signup()")
                .update();
        try (AnnotationConfigApplicationContext oneByTwo = SupporterBatchWiring.start(
                db.dataSource(), Map.of("pp.import.chunk-size", "2", "pp.import.partitions", "1"))) {
            SupporterImports.Outcome outcome =
                    oneByTwo.getBean(SupporterImports.class).run(file, SupporterImports.Options.defaults());
            assertThat(outcome.batchStatus()).as(outcome.exitDescription()).isEqualTo("COMPLETED");
            assertThat(List.of(
                            outcome.run().created(),
                            outcome.run().matched(),
                            outcome.run().duplicates()))
                    .containsExactly(3L, 1L, 0L);
        } finally {
            jdbc.sql("drop trigger web_signup on import_progress").update();
            jdbc.sql("drop function web_signup()").update();
        }
        // Lee is one member, with the address and district the file had
        assertThat(jdbc.sql("select count(*) || ' ' || min(zip) || ' ' || min(district_id) from member where email = ?")
                        .param("lee.web@example.org")
                        .query(String.class)
                        .single())
                .isEqualTo("1 53703 WI-02");
    }

    /**
     * A file that is not UTF-8, has a quote that never closes, or a header with no end is refused before
     * any row is stored, with the line (and byte) at fault. Failed on the old code: Latin-1 became U+FFFD
     * silently, an unclosed quote swallowed the rest of the file, and the header was buffered whole.
     */
    @Test
    void aFileThatIsNotUtf8OrRunsOnInAQuoteOrHeaderIsRefusedNamingTheLine() throws Exception {
        SupporterImports imports = batch.getBean(SupporterImports.class);
        String header = "Name,Email,Phone,Street,City,State,ZIP\n";

        Path latin1 = folder.resolve("latin1.csv");
        Files.write(
                latin1,
                (header + "Ann Ok,ann.ok@latin.example,,,,WI,53703\nJos\u00e9 Bad,jose@latin.example,,,,WI,53703\n")
                        .getBytes(StandardCharsets.ISO_8859_1));
        SupporterImports.Outcome notUtf8 = imports.run(latin1, SupporterImports.Options.defaults());
        assertThat(notUtf8.batchStatus()).isEqualTo("FAILED");
        assertThat(notUtf8.exitDescription()).contains("line 3", "byte offset 82", "not valid UTF-8");

        Path unclosed = folder.resolve("unclosed.csv");
        StringBuilder rows = new StringBuilder(header).append("\"Quinn Open,quinn@quote.example,,,,WI,53703\n");
        for (int i = 0; i < 5_000; i++) {
            rows.append("Row ").append(i).append(",row").append(i).append("@quote.example,,,,WI,53703\n");
        }
        Files.writeString(unclosed, rows);
        SupporterImports.Outcome open = imports.run(unclosed, SupporterImports.Options.defaults());
        assertThat(open.batchStatus()).isEqualTo("FAILED");
        assertThat(open.exitDescription()).contains("line 2", "quote");

        Path endless = folder.resolve("endless-header.csv");
        Files.writeString(endless, "Name,Email," + "x".repeat(200_000) + "\nAna,ana@header.example\n");
        SupporterImports.Outcome noEnd = imports.run(endless, SupporterImports.Options.defaults());
        assertThat(noEnd.batchStatus()).isEqualTo("FAILED");
        assertThat(noEnd.exitDescription()).contains("header line", "longer than");

        assertThat(jdbc.sql("select count(*) from member where email like '%@latin.example' or email like "
                                + "'%@quote.example' or email like '%@header.example'")
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    private void resumes(Path file, SupporterImports imports) {
        SupporterImports.Outcome failed = imports.run(file, SupporterImports.Options.defaults());
        assertThat(failed.batchStatus()).isEqualTo("FAILED");
        assertThat(failed.run().status()).isEqualTo("FAILED");
        long written = jdbc.sql("select count(*) from member where import_run_id = ?")
                .param(failed.run().id())
                .query(Long.class)
                .single();
        assertThat(written).isBetween(1L, 2_900L);

        jdbc.sql("drop trigger refuse_row on member").update();
        SupporterImports.Outcome resumed = imports.run(file, SupporterImports.Options.defaults());
        assertThat(resumed.resumed()).isTrue();
        assertThat(resumed.batchStatus()).isEqualTo("COMPLETED");
        ImportRuns.ImportRun run = resumed.run();
        assertThat(run.id()).isEqualTo(failed.run().id());
        assertThat(run.rowsRead()).isEqualTo(3_000);
        assertThat(run.rowsRejected()).isEqualTo(30);
        // new supporters are copied in binary: times and coordinates arrive as they were meant
        assertThat(jdbc.sql("""
                select bool_and(district_assigned_at between now() - interval '30 minutes' and now())
                   and bool_and(joined_at is null or joined_at between now() - interval '30 minutes' and now())
                   and count(*) filter (where latitude between 17 and 72 and longitude between -180 and -64) > 1000
                   and count(*) filter (where latitude is not null) = count(*) filter (where longitude is not null)
                from member where import_run_id = ?
                """).param(run.id()).query(Boolean.class).single()).isTrue();
        // progress counts what committed, once: the failed execution's committed chunks and the resumed rest
        ImportRuns.Progress progress = imports.progress(run.id()).orElseThrow();
        assertThat(progress.read()).isEqualTo(3_000);
        assertThat(progress.rejected()).isEqualTo(30);
        assertThat(run.created() + run.matched() + run.duplicates() + run.rowsRejected())
                .isEqualTo(3_000);
        assertThat(jdbc.sql("select count(*) from member where import_run_id = ?")
                        .param(run.id())
                        .query(Long.class)
                        .single())
                .isEqualTo(run.created());
        assertThat(jdbc.sql("select count(*) from import_reject where run_id = ?")
                        .param(run.id())
                        .query(Long.class)
                        .single())
                .isEqualTo(30);
        assertThat(jdbc.sql("select count(*) from member where email = 'someone.2407@example.org'")
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        // about a quarter joined, each in the group of their district
        long joined = jdbc.sql("""
                select count(*) from group_membership gm join member m on m.id = gm.member_id
                join district_group g on g.id = gm.group_id and g.district_id = m.district_id and g.plan_id = m.district_plan_id
                where m.import_run_id = ? and gm.left_at is null
                """).param(run.id()).query(Long.class).single();
        assertThat(joined).isEqualTo(run.joined()).isBetween(600L, 900L);
    }

    private String district(String email) {
        return jdbc.sql(
                        "select district_id || ' ' || coalesce(district_source, 'null') || ' ' || district_provisional from member where email = ?")
                .param(email)
                .query(String.class)
                .optional()
                .orElseGet(() -> jdbc.sql(
                                "select 'null ' || coalesce(district_source, 'null') || ' ' || district_provisional from member where email = ?")
                        .param(email)
                        .query(String.class)
                        .single());
    }

    private String groupOf(String email) {
        return jdbc.sql("""
                select g.district_id from group_membership gm join district_group g on g.id = gm.group_id
                join member m on m.id = gm.member_id where m.email = ? and gm.left_at is null
                """).param(email).query(String.class).single();
    }

    private String consent(String channel, String address) {
        return jdbc.sql("select opted_out || ' ' || source from consent where channel = ? and address = ?")
                .params(channel, address)
                .query(String.class)
                .single();
    }

    private String snapshot() {
        return jdbc.sql("""
                select (select md5(string_agg(m::text, '|' order by id)) from member m)
                    || (select md5(string_agg(g::text, '|' order by group_id, member_id)) from group_membership g)
                    || (select md5(string_agg(c::text, '|' order by channel, address)) from consent c)
                    || (select count(*) from consent_event)::text
                """).query(String.class).single();
    }
}
