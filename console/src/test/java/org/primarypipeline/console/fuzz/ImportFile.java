package org.primarypipeline.console.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A supporter file of generated rows: good rows with one to three cells spoilt (awkward text, formula
 * prefixes, overlong values, numbers out of range, cells missing or extra), each cell quoted as CSV
 * quotes it, so the file has exactly {@link #records()} records.
 */
record ImportFile(int index, int records, byte[] bytes) {

    static final String HEADER =
            "Name,Email,Phone,Street,City,State,ZIP,Latitude,Longitude,Source,email_consent,sms_consent,joined";

    static ImportFile generate(Random random, int rows, int index) {
        StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
        for (int i = 0; i < rows; i++) {
            List<String> cells = new ArrayList<>(List.of(
                    "Fuzz Row " + index + "-" + i,
                    "fuzz." + index + "." + i + "@example.org",
                    "",
                    "1 Main St",
                    "Austin",
                    "TX",
                    "78701",
                    "30.27",
                    "-97.74",
                    "fuzz",
                    "yes",
                    "",
                    "yes"));
            int changes = 1 + random.nextInt(3);
            for (int c = 0; c < changes; c++) {
                int at = random.nextInt(cells.size());
                switch (random.nextInt(12)) {
                    case 0 -> cells.remove(at);
                    case 1 -> cells.add(BadInput.draw(BadInput.text(), random));
                    default -> cells.set(at, BadInput.draw(BadInput.text(), random));
                }
            }
            for (int c = 0; c < cells.size(); c++) {
                csv.append(c == 0 ? "" : ",").append(quote(cells.get(c)));
            }
            csv.append(random.nextBoolean() ? "\r\n" : "\n");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(csv.toString().getBytes(StandardCharsets.UTF_8));
        return new ImportFile(index, rows, out.toByteArray());
    }

    /**
     * What earlier passes found: a NUL in a name (the whole import failed), and a CR alone inside a quoted
     * cell, which the reader counts as a line and the partitioner did not, so two partitions rejected
     * rows under the same line number (the whole import failed). Then rejected rows to span partitions.
     */
    static ImportFile knownFaults() {
        StringBuilder csv = new StringBuilder(HEADER).append("\n");
        csv.append("\"Nul\u0000Name\",nul@example.org,,,,TX,78701,,,,,,\n");
        csv.append("Good Row,good.row@example.org,,,,TX,78701,,,,,,\n");
        csv.append("\"Cr\rAlone\",not-an-address,,,,TX,78701,,,,,,\n");
        for (int i = 0; i < 17; i++) {
            csv.append("No Address ").append(i).append(",,,,,TX,78701,,,,,,\n");
        }
        return new ImportFile(0, 20, csv.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static String quote(String cell) {
        return "\"" + cell.replace("\"", "\"\"") + "\"";
    }
}
