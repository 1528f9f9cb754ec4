package org.primarypipeline.console.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.primarypipeline.batch.importsupporters.SupporterImports;

/**
 * One input people send and what the fuzz pass demands of every answer to it: below 500; a refusal
 * carries a sentence (JSON {@code error}, or a page with the message beside the field or in a box) and
 * leaves what it would have stored as it was.
 */
final class Target {

    private static final Pattern JSON_REASON = Pattern.compile("\"error\"\\s*:\\s*\"[^\"]{3,}");
    private static final Pattern PAGE_REASON =
            Pattern.compile("role=\"alert\"|class=\"field-error\"|class=\"box [a-z]+\"|<p>[^<]{8,}");
    private static final Pattern LEAK = Pattern.compile("Exception|Whitelabel|\\bat org\\.|\\bat java\\.");

    private final String name;
    private final List<String> failures = new ArrayList<>();
    private int tries;
    private int accepted;
    private int refused;

    Target(String name) {
        this.name = name;
    }

    int tries() {
        return tries;
    }

    /**
     * @param before what the target stores, counted before the request
     * @param after the same after it
     * @param accepted the answer says the input was taken (stored)
     */
    void judge(String input, HttpResponse<String> r, long before, long after, boolean accepted) {
        tries++;
        int status = r.statusCode();
        String body = r.body() == null ? "" : r.body();
        if (status >= 500) {
            fail(input, r, "answered " + status);
            return;
        }
        if (accepted) {
            this.accepted++;
            return;
        }
        refused++;
        if (after != before) {
            fail(input, r, "refused with " + status + " but stored something (" + before + " -> " + after + ")");
        }
        if (status >= 400) {
            boolean json = r.headers().firstValue("Content-Type").orElse("").contains("json");
            boolean reason = json
                    ? JSON_REASON.matcher(body).find()
                    : PAGE_REASON.matcher(body).find();
            if (!reason || LEAK.matcher(body).find()) {
                fail(input, r, "refused with " + status + " without a reason a person can read");
            }
        }
    }

    void judgeImport(ImportFile file, SupporterImports.Outcome outcome, long added, List<String> badRejects) {
        tries += file.records();
        var run = outcome.run();
        String what = "file " + file.index() + " (" + file.records() + " records)";
        if (!"COMPLETED".equals(outcome.batchStatus())) {
            failures.add(what + ": the import ended " + outcome.batchStatus() + ": " + outcome.exitDescription());
            return;
        }
        accepted += (int) (run.rowsRead() - run.rowsRejected());
        refused += (int) run.rowsRejected();
        if (run.rowsRead() != file.records()) {
            failures.add(what + ": read " + run.rowsRead() + " rows of " + file.records());
        }
        if (!badRejects.isEmpty()) {
            failures.add(what + ": rejects without a line or a reason: " + badRejects);
        }
        if (added != run.created()) {
            failures.add(what + ": " + added + " members stored but the run says " + run.created() + " created");
        }
    }

    private void fail(String input, HttpResponse<String> r, String why) {
        if (failures.size() < 25) {
            failures.add(why + "\n    sent: " + abbreviate(input) + "\n    got:  " + abbreviate(r.body()));
        } else {
            failures.add(why);
        }
    }

    static String abbreviate(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            out.append(c < 0x20 || c == 0x7f ? String.format("\\x%02x", (int) c) : String.valueOf(c));
        }
        String flat = out.toString().replaceAll("\\s+", " ");
        return flat.length() > 240 ? flat.substring(0, 240) + "... (" + text.length() + " chars)" : flat;
    }

    String line() {
        return String.format(
                "%-55s %5d inputs: %5d taken, %5d refused, %3d failures",
                name, tries, accepted, refused, failures.size());
    }

    void assertClean() {
        System.out.println(line());
        assertThat(failures).as(name + ": " + String.join("\n", failures)).isEmpty();
    }
}
