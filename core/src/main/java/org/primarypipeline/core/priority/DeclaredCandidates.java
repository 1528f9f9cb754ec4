package org.primarypipeline.core.priority;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.primarypipeline.core.district.DistrictId;

/**
 * The Democrats running for a district's seat in the current cycle as the FEC lists them: who the
 * pledge-vetting stage invites beside the sitting member. Only filings that raised at least
 * {@link FecFilings#SERIOUS_RECEIPTS} count, since many registrations are never a campaign; the
 * sitting member's own filing is theirs already.
 */
public final class DeclaredCandidates {

    /** One declared candidate: FEC id, name as people write it, and receipts so far in whole dollars. */
    public record Declared(String fecId, String name, long receipts) {}

    private DeclaredCandidates() {}

    public static List<Declared> running(DistrictId district) {
        return FecFilings.cycle(FecFilings.RUNNING_CYCLE).stream()
                .filter(f -> f.district().equals(district))
                .filter(f -> f.incumbency() != 'I' && "DEM".equals(f.party()))
                .filter(f -> f.receipts() >= FecFilings.SERIOUS_RECEIPTS)
                .sorted(Comparator.comparingDouble(FecFilings.Filing::receipts)
                        .reversed()
                        .thenComparing(FecFilings.Filing::candidateId))
                .map(f -> new Declared(f.candidateId(), readable(f.name()), Math.round(f.receipts())))
                .toList();
    }

    /** "OCASIO-CORTEZ, ALEXANDRIA MS." becomes "Alexandria Ocasio-Cortez". */
    static String readable(String fecName) {
        String[] parts = fecName.split(",", 2);
        String given = (parts.length > 1 ? parts[1] : "").trim().replaceAll("\\s*\\b(MR|MRS|MS|DR)\\.?$", "");
        String full = (given + " " + parts[0]).trim();
        return Arrays.stream(full.toLowerCase(Locale.ROOT).split("\\s+"))
                .map(DeclaredCandidates::capitalized)
                .collect(Collectors.joining(" "));
    }

    private static String capitalized(String word) {
        StringBuilder s = new StringBuilder(word.length());
        boolean start = true;
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            s.append(start ? Character.toUpperCase(c) : c);
            start = c == '-' || c == '\'';
        }
        return s.toString();
    }
}
