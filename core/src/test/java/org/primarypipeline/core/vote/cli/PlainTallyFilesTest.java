package org.primarypipeline.core.vote.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.primarypipeline.core.vote.Ballot;
import org.primarypipeline.core.vote.FlowPolicy;
import org.primarypipeline.core.vote.ProxyShare;
import org.primarypipeline.core.vote.TallyMethod;
import org.primarypipeline.core.vote.VoteCount;
import org.primarypipeline.core.vote.VoteInput;

class PlainTallyFilesTest {

    @TempDir
    Path dir;

    @Test
    void countsWhatTheRowByRowReadingCounts() throws Exception {
        Path members = write("members.csv", "member_id", "Eve", "Ana", " Ben ", "Cy", "\"Dee\"", "Fay");
        Path proxies =
                write("proxies.csv", "member_id,proxy_id,units", "Ana,Ben,8", "Ana,Dee,2", "Ben,Ana,5", "Ben,Cy,5");
        Path ballots = write("ballots.csv", "member_id,ranking", "Cy,X>Y", "Dee,Y>>X", "Eve,Z", "Fay,Q=X>Y");

        PlainTallyFiles.Read plain =
                PlainTallyFiles.read(members, proxies, ballots, FlowPolicy.SMARTOCRACY, TallyMethod.IRV, 3);

        VoteInput byRows = new VoteInput(
                List.of("Ana", "Ben", "Cy", "Dee", "Eve", "Fay"),
                List.of(
                        new ProxyShare("Ana", "Ben", 8),
                        new ProxyShare("Ana", "Dee", 2),
                        new ProxyShare("Ben", "Ana", 5),
                        new ProxyShare("Ben", "Cy", 5)),
                List.of(
                        new Ballot("Cy", List.of("X", "Y")),
                        new Ballot("Dee", List.of("Y", "X")),
                        new Ballot("Eve", List.of("Z"))),
                FlowPolicy.SMARTOCRACY,
                TallyMethod.IRV,
                3);
        BigDecimal quorum = new BigDecimal("0.20");
        assertThat(plain.setAside()).isEqualTo(1);
        assertThat(TallyJson.write(VoteCount.count(plain.input()), quorum))
                .isEqualTo(TallyJson.write(VoteCount.count(byRows), quorum));
    }

    @Test
    void leavesAnythingIrregularToTheCarefulReader() throws IOException {
        Path members = write("members.csv", "member_id", "Ana", "Ben");
        Path proxies = write("proxies.csv", "member_id,proxy_id,units");
        Path ballots = write("ballots.csv", "member_id,ranking", "Ana,X");
        for (Path broken : List.of(
                write("b1.csv", "member_id,ranking", "Zed,X"),
                write("b2.csv", "member_id,ranking", "Ana,X", "Ana,Y"),
                write("b3.csv", "member_id,ranking", "Ana,\"X", "Ben,Y"),
                write("b4.csv", "member,ranking", "Ana,X"),
                write("b5.csv", "member_id,ranking", "Ana"))) {
            assertThatThrownBy(() ->
                            PlainTallyFiles.read(members, proxies, broken, FlowPolicy.SMARTOCRACY, TallyMethod.IRV, 0))
                    .as(broken.getFileName().toString())
                    .isInstanceOf(PlainTallyFiles.NotPlain.class);
        }
        Path units = write("p.csv", "member_id,proxy_id,units", "Ben,Ana,11");
        assertThatThrownBy(
                        () -> PlainTallyFiles.read(members, units, ballots, FlowPolicy.SMARTOCRACY, TallyMethod.IRV, 0))
                .isInstanceOf(PlainTallyFiles.NotPlain.class);
    }

    private Path write(String name, String... lines) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, List.of(lines), StandardCharsets.UTF_8);
        return file;
    }
}
