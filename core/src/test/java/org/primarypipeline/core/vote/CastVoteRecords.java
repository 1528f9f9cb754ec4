package org.primarypipeline.core.vote;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Tally files shaped like a real ranked-choice count's cast-vote records: one member per ballot, no
 * proxies, each ballot ranking 1 to 4 of 4 candidates in random order; 1% hold an overvote (two names at
 * one rank, written {@code A=B}) and 1% a skipped rank (a blank between two {@code >}), which can make a
 * ballot five ranks long. Seeded, so the same size always gives the same files.
 */
public final class CastVoteRecords {

    /** The size of the real count the tally benchmark stands in for. */
    public static final int BALLOTS = 296_077;

    private static final List<String> CANDIDATES = List.of("Begich", "Palin", "Peltola", "Write-in");

    public record Files3(Path members, Path proxies, Path ballots) {}

    private CastVoteRecords() {}

    public static Files3 write(Path dir, int ballots, long seed) throws IOException {
        Files3 files = new Files3(dir.resolve("members.csv"), dir.resolve("proxies.csv"), dir.resolve("ballots.csv"));
        Random random = new Random(seed);
        Files.writeString(files.proxies(), "member_id,proxy_id,units\n", StandardCharsets.UTF_8);
        try (BufferedWriter members = Files.newBufferedWriter(files.members(), StandardCharsets.UTF_8);
                BufferedWriter cast = Files.newBufferedWriter(files.ballots(), StandardCharsets.UTF_8)) {
            members.write("member_id\n");
            cast.write("member_id,ranking\n");
            for (int i = 0; i < ballots; i++) {
                String id = String.format(java.util.Locale.ROOT, "V%07d", i);
                members.write(id);
                members.write('\n');
                cast.write(id);
                cast.write(',');
                cast.write(String.join(">", ranking(random)));
                cast.write('\n');
            }
        }
        return files;
    }

    private static List<String> ranking(Random random) {
        List<String> shuffled = new ArrayList<>(CANDIDATES);
        Collections.shuffle(shuffled, random);
        List<String> ranks = new ArrayList<>(shuffled.subList(0, 1 + random.nextInt(CANDIDATES.size())));
        double odd = random.nextDouble();
        if (odd < 0.01) {
            int at = random.nextInt(ranks.size());
            String other = shuffled.get((shuffled.indexOf(ranks.get(at)) + 1) % shuffled.size());
            ranks.set(at, ranks.get(at) + "=" + other);
        } else if (odd < 0.02) {
            ranks.add(random.nextInt(ranks.size() + 1), "");
        }
        return ranks;
    }
}
