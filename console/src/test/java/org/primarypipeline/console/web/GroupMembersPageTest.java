package org.primarypipeline.console.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.primarypipeline.supporters.MemberRepository;
import org.springframework.beans.factory.annotation.Autowired;

/** Staff list a district group's members, search them by name, and see when each joined and whether confirmed. */
class GroupMembersPageTest extends ConsoleTestSupport {

    @Autowired
    MemberRepository members;

    @Test
    void staffListAndSearchTheMembersOfADistrictGroup() throws Exception {
        members.join("SC-04", "Greta Grouplist", "greta.grouplist@example.org", null);
        members.join("SC-04", "Hal Grouplist", "hal.grouplist@example.org", null);
        members.join("SC-05", "Ivy Elsewhere", "ivy.elsewhere@example.org", null);
        ConsoleHttp staff = new ConsoleHttp(base());
        staff.signIn("alice", password("alice"));

        String all = staff.get("/supporters/members?district=sc-04").body();
        assertThat(all)
                .contains("Members of the SC-04 group", "Greta Grouplist", "Hal Grouplist", "confirmed")
                .doesNotContain("Ivy Elsewhere");
        String found = staff.get("/supporters/members?district=SC-04&q=greta").body();
        assertThat(found).contains("Greta Grouplist").doesNotContain("Hal Grouplist");
        assertThat(staff.get("/supporters").body()).contains("action=\"/supporters/members\"");
    }
}
