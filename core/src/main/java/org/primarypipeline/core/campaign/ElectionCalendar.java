package org.primarypipeline.core.campaign;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The election a campaign works toward: the state's next primary if the shipped data has one on or
 * after the given day ({@value #PRIMARIES}, credited in {@code data/SOURCES.md}), else the next
 * general election, which needs no data: by 2 U.S.C. §7 it is the Tuesday after the first Monday in
 * November of an even year.
 */
public final class ElectionCalendar {

    public static final String PRIMARIES = "data/elections/primaries_2026.csv";

    public enum Kind {
        PRIMARY,
        GENERAL
    }

    public record Election(Kind kind, LocalDate day) {}

    private record Row(String state, LocalDate day) {}

    private final List<Row> primaries;

    private ElectionCalendar(List<Row> primaries) {
        this.primaries = primaries;
    }

    private static final class Shipped {
        static final ElectionCalendar INSTANCE = load();
    }

    /** The calendar as shipped. */
    public static ElectionCalendar shipped() {
        return Shipped.INSTANCE;
    }

    /** A calendar without primary data: every campaign targets the general election. */
    public static ElectionCalendar generalOnly() {
        return new ElectionCalendar(List.of());
    }

    /** A calendar with the given primaries by state ({@code CO}): for tests and for staff who know better. */
    public static ElectionCalendar withPrimaries(java.util.Map<String, LocalDate> byState) {
        return new ElectionCalendar(byState.entrySet().stream()
                .map(e -> new Row(e.getKey(), e.getValue()))
                .toList());
    }

    /**
     * The next election on or after {@code day} for a district ({@code TX-07}) or state ({@code TX}):
     * its primary when the data has one, else the general election.
     */
    public Election next(String districtOrState, LocalDate day) {
        String state = stateOf(districtOrState);
        Optional<LocalDate> primary = primaries.stream()
                .filter(r -> r.state().equals(state) && !r.day().isBefore(day))
                .map(Row::day)
                .min(LocalDate::compareTo);
        return primary.map(d -> new Election(Kind.PRIMARY, d))
                .orElseGet(() -> new Election(Kind.GENERAL, generalOnOrAfter(day)));
    }

    /** The federal general election on or after {@code day} (2 U.S.C. §7). */
    public static LocalDate generalOnOrAfter(LocalDate day) {
        int year = day.getYear() % 2 == 0 ? day.getYear() : day.getYear() + 1;
        while (true) {
            LocalDate election = LocalDate.of(year, 11, 1)
                    .with(TemporalAdjusters.firstInMonth(DayOfWeek.MONDAY))
                    .plusDays(1);
            if (!election.isBefore(day)) {
                return election;
            }
            year += 2;
        }
    }

    static String stateOf(String districtOrState) {
        String s = districtOrState.trim().toUpperCase(Locale.ROOT);
        int dash = s.indexOf('-');
        return dash < 0 ? s : s.substring(0, dash);
    }

    private static ElectionCalendar load() {
        List<Row> rows = new ArrayList<>();
        try (InputStream in = ElectionCalendar.class.getClassLoader().getResourceAsStream(PRIMARIES)) {
            if (in == null) {
                return generalOnly();
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line = reader.readLine(); // header
            while ((line = reader.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split(",");
                if (f[1].equals("PRIMARY")) {
                    rows.add(new Row(f[0].trim(), LocalDate.parse(f[2].trim())));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ElectionCalendar(List.copyOf(rows));
    }
}
