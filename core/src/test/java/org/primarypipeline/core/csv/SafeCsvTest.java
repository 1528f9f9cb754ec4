package org.primarypipeline.core.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

class SafeCsvTest {

    @Test
    void quotesWhatNeedsItAndKeepsLineBreaksInsideOneCell() throws IOException {
        String csv = SafeCsv.inMemory("name", "note")
                .row("Smith, Jr.", "say \"hi\"")
                .row("Jo\r\n=HYPERLINK(\"http://x\")", "a\nb\rc")
                .row("plain", null)
                .toString();

        assertThat(csv)
                .startsWith("name,note\r\n\"Smith, Jr.\",\"say \"\"hi\"\"\"\r\n")
                .endsWith("plain,\r\n");
        List<CSVRecord> rows = parse(csv);
        assertThat(rows).hasSize(4);
        assertThat(rows.get(2).get(0)).isEqualTo("Jo\r\n=HYPERLINK(\"http://x\")");
        assertThat(rows.get(2).get(1)).isEqualTo("a\nb\rc");
    }

    @Test
    void defusesTextThatASpreadsheetWouldRunAsAFormula() throws IOException {
        List<String> risky = List.of("=1+2", "+1", "-2+3+cmd|' /C calc'!A0", "@SUM(A1)", "\tAcme", "\rAcme");
        String csv = SafeCsv.inMemory("value")
                .row(risky.get(0))
                .row(risky.get(1))
                .row(risky.get(2))
                .row(risky.get(3))
                .row(risky.get(4))
                .row(risky.get(5))
                .row("O'Neil")
                .toString();

        List<CSVRecord> rows = parse(csv);
        for (int i = 0; i < risky.size(); i++) {
            assertThat(rows.get(i + 1).get(0)).isEqualTo("'" + risky.get(i));
        }
        assertThat(rows.get(7).get(0)).isEqualTo("O'Neil");
    }

    @Test
    void writesNumbersAndDatesAsTheyPrint() {
        String csv = SafeCsv.inMemory("day", "amount", "count")
                .row(LocalDate.parse("2026-05-01"), new BigDecimal("-20.00"), 3)
                .table("second", "table")
                .row("x", "y")
                .toString();
        assertThat(csv).isEqualTo("day,amount,count\r\n2026-05-01,-20.00,3\r\n\r\nsecond,table\r\nx,y\r\n");
    }

    private static List<CSVRecord> parse(String csv) throws IOException {
        return CSVFormat.DEFAULT.parse(new StringReader(csv)).getRecords();
    }
}
