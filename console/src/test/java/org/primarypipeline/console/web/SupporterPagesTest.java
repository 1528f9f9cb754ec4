package org.primarypipeline.console.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.primarypipeline.batch.importsupporters.SupporterImports;
import org.primarypipeline.outreach.Channel;
import org.primarypipeline.supporters.Invitations;
import org.primarypipeline.supporters.MemberRepository;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The invitee's page (no login: the invitation code is the authority) and the staff page of supporters
 * (imports with their progress, the invitation graph per district), over HTTP against the whole app on a
 * real PostgreSQL.
 */
class SupporterPagesTest extends ConsoleTestSupport {

    @Autowired
    MemberRepository members;

    @Autowired
    Invitations invitations;

    @Autowired
    SupporterImports imports;

    @Test
    void anInviteeAcceptsOnTheirPageAndStaffSeeTheInvitationGraph() throws Exception {
        long rosa = members.join("WI-02", "Rosa Page", "rosa.page@example.org", null);
        Invitations.Invitation toTom = invitations.invite(rosa, Channel.EMAIL, "tom.page@example.org", "Tom", true);
        ConsoleHttp visitor = new ConsoleHttp(base());

        HttpResponse<String> offer = visitor.get("/invitation/" + toTom.token());
        assertThat(offer.statusCode()).isEqualTo(200);
        assertThat(offer.body()).contains("Rosa Page").contains("WI-02").contains("may be my proxy");
        assertThat(offer.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
        assertThat(visitor.get("/invitation?code=" + toTom.token()).body()).contains("Rosa Page");
        assertThat(visitor.get("/invitation/not-a-code").statusCode()).isEqualTo(404);
        // opening the page answers nothing
        assertThat(invitations.byToken(toTom.token()).orElseThrow().status()).isEqualTo("PENDING");

        HttpResponse<String> accepted = visitor.form(
                "/invitation/accept",
                null,
                Map.of("token", toTom.token(), "name", "Tom Page", "zip", "53703", "proxy", "true"));
        assertThat(accepted.statusCode()).isEqualTo(200);
        assertThat(accepted.body())
                .contains(
                        "Your inviter is now one of your proxies",
                        "your own 10 units go to them even when you vote too");
        Invitations.Invitation done = invitations.byToken(toTom.token()).orElseThrow();
        assertThat(done.status()).isEqualTo("ACCEPTED");
        assertThat(done.proxyCreated()).isTrue();
        assertThat(jdbc.sql("select full_name from member where id = ?")
                        .param(done.inviteeMemberId())
                        .query(String.class)
                        .single())
                .isEqualTo("Tom Page");
        HttpResponse<String> again = visitor.form(
                "/invitation/accept", null, Map.of("token", toTom.token(), "name", "Tom Page", "zip", "53703"));
        assertThat(again.statusCode()).isEqualTo(422);
        assertThat(again.body()).contains("already accepted");

        Invitations.Invitation toUma = invitations.invite(rosa, Channel.SMS, "(608) 555-0142", null, false);
        assertThat(visitor.form("/invitation/decline", null, Map.of("token", toUma.token()))
                        .statusCode())
                .isEqualTo(200);
        assertThat(invitations.byToken(toUma.token()).orElseThrow().status()).isEqualTo("DECLINED");

        ConsoleHttp staff = new ConsoleHttp(base());
        assertThat(staff.get("/supporters").statusCode()).isEqualTo(302);
        staff.signIn("otto", password("otto"));
        String page = staff.get("/supporters").body();
        // WI-02: one inviter, two invitations, one accepted, one declined, one proxy link, a chain one long
        assertThat(page.replaceAll("\\s+", " "))
                .contains(
                        "<th scope=\"row\"><a href=\"/supporters/members?district=WI-02\" aria-label=\"Members of the WI-02 group\">WI-02</a></th><td class=\"num\">1</td><td class=\"num\">2</td> "
                                + "<td class=\"num\">1</td><td class=\"num\">1</td><td class=\"num\">1</td><td class=\"num\">1</td>");
    }

    @Test
    void staffFollowAnImportOnTheSupportersPage() throws Exception {
        Path file = Files.createTempFile("pp-supporters-page-", ".csv");
        try {
            Files.writeString(file, """
                    name,email,phone,zip
                    Ana Page,ana.page@example.org,,53703
                    Ben Page,not-an-address,,53703
                    Cy Page,cy.page@example.org,(414) 555-0100,53202
                    """);
            SupporterImports.Outcome outcome = imports.run(file, SupporterImports.Options.defaults());
            assertThat(outcome.batchStatus()).isEqualTo("COMPLETED");
            ConsoleHttp staff = new ConsoleHttp(base());
            staff.signIn("alice", password("alice"));
            String fragment = staff.get("/supporters/imports").body();
            long id = outcome.run().id();
            assertThat(fragment)
                    .contains("Import " + id)
                    .contains("completed")
                    .contains("2 of 3 rows written, 1 rejected")
                    .contains("2 new, 0 already on the list");
            assertThat(fragment).doesNotContain("hx-trigger");
            assertThat(staff.get("/supporters").body()).contains("Import " + id);
        } finally {
            Files.deleteIfExists(file);
            Files.list(file.getParent())
                    .filter(p -> p.getFileName().toString().startsWith(file.getFileName() + ".rejects-"))
                    .forEach(p -> p.toFile().delete());
        }
    }
}
