package org.primarypipeline.templates;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Sample data for every candidate-facing message (and the staff escalation), as the activities fill
 * them: what {@code pp templates preview NAME} renders and what the template tests check every field of.
 */
public final class SampleModels {

    private SampleModels() {}

    public static final Map<String, Map<String, Object>> CANDIDATE_STEPS = new TreeMap<>();

    static {
        put(
                "nomination-confirm",
                "nominatorName",
                "Sam Lee",
                "nomineeName",
                "Jo Park",
                "self",
                false,
                "districtId",
                "OH-11",
                "confirmUrl",
                "https://pp.example.org/nominate/confirm/SAMPLE-TOKEN",
                "expiresIn",
                "48 hours");
        put(
                "nomination-received",
                "nominatorName",
                "Sam Lee",
                "nomineeName",
                "Jo Park",
                "self",
                false,
                "districtId",
                "OH-11",
                "merged",
                true,
                "endorsements",
                3);
        put(
                "candidate-invitation",
                "candidateName",
                "Jo Park",
                "nominatorName",
                "Sam Lee",
                "self",
                false,
                "districtId",
                "OH-11",
                "acceptUrl",
                "https://pp.example.org/candidacy/accept/SAMPLE-TOKEN",
                "respondBy",
                "2026-12-04");
        put(
                "candidate-reminder",
                "candidateName",
                "Jo Park",
                "districtId",
                "OH-11",
                "reminder",
                1,
                "maxReminders",
                2,
                "remindersLeft",
                1,
                "acceptUrl",
                "https://pp.example.org/candidacy/accept/SAMPLE-TOKEN-2",
                "respondBy",
                "2026-12-04");
        put(
                "pledge-copy",
                "candidateName",
                "Jo Park",
                "typedName",
                "Jo Park",
                "version",
                1,
                "title",
                "The Primary Pipeline pledge",
                "principles",
                "People over donors",
                "body",
                "I pledge to represent the people of my district.",
                "contentHash",
                "sha256:0f3a",
                "signedAt",
                "Tue, 24 Nov 2026 10:00:00 GMT");
        put(
                "vetting-outcome",
                "candidateName",
                "Jo Park",
                "districtId",
                "OH-11",
                "approved",
                false,
                "rejected",
                false,
                "infoRequested",
                true,
                "reason",
                "Please send two references");
        put(
                "cycle-failed",
                "staffName",
                "Dana",
                "cycleId",
                "OH-11-1",
                "districtId",
                "OH-11",
                "reason",
                "quorum not met: 40 of 400 units exercised, even after one extension",
                "failedAt",
                "Fri 27 Nov 2026, 5:00 PM EST",
                "cycleUrl",
                "https://pp.example.org/cycles/OH-11-1",
                "launchUrl",
                "https://pp.example.org/districts/OH-11/launch");
        put(
                "vetting-overdue",
                "staffName",
                "Dana",
                "candidateName",
                "Jo Park",
                "cycleId",
                "OH-11-1",
                "districtId",
                "OH-11",
                "status",
                "accepted",
                "dueAt",
                "2026-11-27 10:00 UTC",
                "reviewUrl",
                "https://pp.example.org/cycles/OH-11-1/candidacies/7");
        put(
                "candidate-on-ballot",
                "candidateName",
                "Jo Park",
                "districtId",
                "OH-11",
                "hasOthers",
                true,
                "othersText",
                "Kim Diaz, Lee Moss");
        put(
                "candidate-voting-open",
                "candidateName",
                "Jo Park",
                "districtId",
                "OH-11",
                "closesAt",
                "Tue, Dec 15, 8:00 PM EST");
        put(
                "candidate-result",
                "candidateName",
                "Jo Park",
                "districtId",
                "OH-11",
                "cycleId",
                "OH-11-1",
                "won",
                false,
                "winnerName",
                "Kim Diaz",
                "decidedByLot",
                false,
                "resultUrl",
                "https://pp.example.org/cycles/OH-11-1");
        put("candidate-certified", "candidateName", "Jo Park", "districtId", "OH-11", "cycleId", "OH-11-1");
        put(
                "fundraiser-live",
                "recipientName",
                "Jo Park",
                "candidateName",
                "Jo Park",
                "districtId",
                "OH-11",
                "fundraiserUrl",
                "https://pp.example.org/fundraisers/3",
                "goal",
                "$250,000.00",
                "paymentsOn",
                true,
                "forCandidate",
                true);
        put(
                "member-sign-in",
                "fullName",
                "Ana Ruiz",
                "signInUrl",
                "https://pp.example.org/me/sign-in/SAMPLE-TOKEN",
                "minutes",
                15);
    }

    private static void put(String name, Object... pairs) {
        Map<String, Object> model = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            model.put((String) pairs[i], pairs[i + 1]);
        }
        CANDIDATE_STEPS.put(name, model);
    }

    /** The sample model with the layout's fields, ready to render. */
    public static Map<String, Object> of(String name) {
        Map<String, Object> sample = CANDIDATE_STEPS.get(name);
        if (sample == null) {
            throw new TemplateException(
                    "no sample data for '" + name + "'; samples exist for " + CANDIDATE_STEPS.keySet());
        }
        Map<String, Object> model = new LinkedHashMap<>(sample);
        model.put("orgName", "Primary Pipeline");
        return model;
    }
}
