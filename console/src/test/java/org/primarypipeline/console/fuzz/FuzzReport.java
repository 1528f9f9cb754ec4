package org.primarypipeline.console.fuzz;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** How many inputs each target of the fuzz pass was sent and how the app answered them. */
final class FuzzReport {

    private final Map<String, Target> targets = new LinkedHashMap<>();

    synchronized Target target(String name) {
        return targets.computeIfAbsent(name, Target::new);
    }

    void write(Path file) throws IOException {
        StringBuilder out = new StringBuilder("fuzz pass (jqwik generators, seed " + InputFuzzTest.SEED + ", "
                + InputFuzzTest.TRIES + " tries per form target)\n");
        int total = 0;
        for (Target t : targets.values()) {
            out.append(t.line()).append('\n');
            total += t.tries();
        }
        out.append("total: ").append(total).append(" inputs\n");
        System.out.print(out);
        Files.createDirectories(file.getParent());
        Files.writeString(file, out);
    }
}
