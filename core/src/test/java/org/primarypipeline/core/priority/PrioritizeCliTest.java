package org.primarypipeline.core.priority;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PrioritizeCliTest {

    @Test
    void printsAReadableTableOfTheTopDistricts() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrioritizeCli.printTop(5, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\\R");
        assertThat(lines[0]).contains("rank", "dist", "score", "path", "primary", "general", "cost", "why");
        assertThat(lines[1]).matches("\\s+1\\s+[A-Z]{2}-\\d\\d\\s+\\d+\\.\\d{3}\\s+.*");
        assertThat(lines[5]).matches("\\s+5\\s+.*");
        assertThat(lines[lines.length - 1]).startsWith("Paths over all 435 districts:");
    }
}
