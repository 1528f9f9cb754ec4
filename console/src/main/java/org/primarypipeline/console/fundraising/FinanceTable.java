package org.primarypipeline.console.fundraising;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.primarypipeline.console.web.Format;
import org.primarypipeline.core.money.Money;

/** A report's rows as header and cells, amounts in dollars, instants in the console's zone. */
public record FinanceTable(List<Column> columns, List<Line> rows, boolean empty) {

    public record Column(String label, boolean num) {}

    public record Cell(String text, boolean num) {}

    public record Line(List<Cell> cells) {}

    static FinanceTable of(List<Map<String, Object>> rows, List<String> columns, Format format) {
        List<Line> lines = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            List<Cell> line = new ArrayList<>();
            for (String c : columns) {
                Object v = row.get(c);
                boolean amount = c.endsWith("Cents");
                String text = v == null
                        ? ""
                        : amount && v instanceof Number n
                                ? Money.dollars(n.longValue())
                                : c.endsWith("At") || c.equals("dueBy")
                                        ? when(v.toString(), format)
                                        : v instanceof Boolean b ? (b ? "yes" : "no") : v.toString();
                line.add(new Cell(text, amount));
            }
            lines.add(new Line(line));
        }
        List<Column> head = columns.stream()
                .map(c -> new Column(heading(c), c.endsWith("Cents")))
                .toList();
        return new FinanceTable(head, lines, rows.isEmpty());
    }

    static String when(String instant, Format format) {
        try {
            return format.when(Instant.parse(instant));
        } catch (DateTimeParseException notAnInstant) {
            return instant;
        }
    }

    /** "ledgerCents" reads "Ledger", "requestedInTime" "Requested in time". */
    static String heading(String column) {
        String c = column.endsWith("Cents") ? column.substring(0, column.length() - 5) : column;
        c = c.endsWith("Id") ? c.substring(0, c.length() - 2) + " id" : c;
        c = c.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
        return Character.toUpperCase(c.charAt(0)) + c.substring(1);
    }
}
