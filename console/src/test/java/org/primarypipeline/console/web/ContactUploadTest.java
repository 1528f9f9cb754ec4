package org.primarypipeline.console.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The contact import as an upload on the console's campaign page (the same command as {@code pp contacts
 * import}): the form is on the page, the file goes through the multipart form with the CSRF token, the
 * imports page shows the run and its rejects by line and reason, and a finance account is refused.
 */
class ContactUploadTest extends ConsoleTestSupport {

    private static final String CSV = """
            name,phone,email,street,city,state,zip,precinct,age,vote_history
            Uma Upload,(785) 555-0101,uma.upload@example.org,1 Main St,Lawrence,KS,66044,P1,40,g2024
            Vic Upload,785-555-0102,,2 Main St,Lawrence,KS,66044,P1,130,g2024
            Wes Upload,785-555-0103,,3 Main St,Lawrence,KS,66044,P2,33,p2024
            """;

    @Test
    void anOrganizerUploadsAListAndSeesItsProgressAndRejects() throws Exception {
        String cycle = ContactsFixture.campaign(jdbc, "KS-01", "upload");
        ConsoleHttp alice = new ConsoleHttp(base());
        alice.signIn("alice", password("alice"));
        String page = alice.get("/campaigns/" + cycle).body();
        assertThat(page)
                .contains("action=\"/campaigns/" + cycle + "/contacts/import\"", "enctype=\"multipart/form-data\"");
        String token = alice.csrf("/campaigns/" + cycle);

        HttpResponse<String> upload =
                multipart(alice, "/campaigns/" + cycle + "/contacts/import", token, "voters.csv", CSV);
        assertThat(upload.statusCode()).as(upload.body()).isEqualTo(302);
        assertThat(upload.headers().firstValue("Location").orElse(""))
                .endsWith("/campaigns/" + cycle + "/contacts/imports");

        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        String imports = "";
        while (Instant.now().isBefore(deadline)) {
            imports = alice.get("/campaigns/" + cycle + "/contacts/imports").body();
            if (imports.contains("<strong>completed</strong>") || imports.contains("<strong>failed</strong>")) {
                break;
            }
            Thread.sleep(300);
        }
        assertThat(imports).contains("voters.csv", "<strong>completed</strong>", "<strong>2</strong>contacts created");
        assertThat(imports).containsPattern("<td>3</td><td>age is not between 16 and 120[^<]*130");
        assertThat(jdbc.sql("select count(*) from contact where cycle_id = ?")
                        .param(cycle)
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
        assertThat(jdbc.sql("select count(*) from audit_log where action = 'contacts.import' and actor = 'alice' "
                                + "and target = ?")
                        .param("campaign " + cycle)
                        .query(Long.class)
                        .single())
                .isGreaterThanOrEqualTo(1);

        // an empty upload is refused with a sentence; finance may not import
        HttpResponse<String> empty =
                multipart(alice, "/campaigns/" + cycle + "/contacts/import", token, "empty.csv", "");
        assertThat(empty.statusCode()).isEqualTo(302);
        assertThat(alice.get("/campaigns/" + cycle + "/contacts/imports").body())
                .contains("was not imported");
        ConsoleHttp fiona = new ConsoleHttp(base());
        fiona.signIn("fiona", password("fiona"));
        HttpResponse<String> refused =
                multipart(fiona, "/campaigns/" + cycle + "/contacts/import", fiona.csrf("/"), "voters.csv", CSV);
        assertThat(refused.statusCode()).isEqualTo(403);
    }

    private HttpResponse<String> multipart(ConsoleHttp http, String path, String token, String file, String content)
            throws Exception {
        String boundary = "----pp" + System.nanoTime();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + token + "\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + file
                + "\"\r\nContent-Type: text/csv\r\n\r\n" + content + "\r\n--" + boundary + "--\r\n";
        return http.send(
                "POST", path, java.util.Map.of("Content-Type", "multipart/form-data; boundary=" + boundary), body);
    }
}
