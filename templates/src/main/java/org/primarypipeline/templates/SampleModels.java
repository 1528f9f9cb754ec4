package org.primarypipeline.templates;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Sample data for every candidate-facing message (and the staff escalation, and the member's assisted
 * ballot), and for the messages that carry a round to the members of a group, as the activities fill
 * them: what {@code pp templates preview NAME} renders and what the template tests check every field of.
 */
public final class SampleModels {

    private SampleModels() {}

    public static final Map<String, Map<String, Object>> CANDIDATE_STEPS = new TreeMap<>();

    /** The messages that carry a round to every member of a group (docs/members-messages.md). */
    public static final Map<String, Map<String, Object>> ROUND_MESSAGES = new TreeMap<>();

    static {
        round(
                "call-for-nominations",
                "memberName",
                "Ana Ruiz",
                "districtId",
                "OH-11",
                "cycleId",
                "OH-11-1",
                "closesAt",
                "Tue, Dec 15, 8:00 PM EST",
                "nominateUrl",
                "https://pp.example.org/nominate/OH-11-1",
                "liquid",
                false);
        round(
                "voting-reminder",
                "memberName",
                "Ana Ruiz",
                "districtId",
                "OH-11",
                "closesAt",
                "Tue, Dec 15, 8:00 PM EST",
                "ballotUrl",
                "https://pp.example.org/ballot/open/SAMPLE-TOKEN",
                "liquid",
                false);
        round(
                "cycle-result",
                "memberName",
                "Ana Ruiz",
                "districtId",
                "OH-11",
                "cycleId",
                "OH-11-1",
                "winnerName",
                "Jo Park",
                "runnerUpName",
                "Kim Diaz",
                "decidedByLot",
                false,
                "quorumMet",
                true,
                "resultUrl",
                "https://pp.example.org/results/OH-11-1",
                "liquid",
                false);
        round(
                "round-ended",
                "memberName",
                "Ana Ruiz",
                "districtId",
                "OH-11",
                "cycleId",
                "OH-11-1",
                "cancelled",
                false,
                "quorum",
                true,
                "noNominee",
                false,
                "resultUrl",
                "https://pp.example.org/results/OH-11-1",
                "liquid",
                true);
    }

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
        put(
                "assisted-ballot",
                "memberName",
                "Ana Ruiz",
                "districtId",
                "OH-11",
                "cycleId",
                "OH-11-1",
                "enteredRanking",
                true,
                "enteredProxies",
                true,
                "answerUrl",
                "https://pp.example.org/ballot/assisted/SAMPLE-TOKEN",
                "closesAt",
                "Tue, Dec 15, 8:00 PM EST");
        put(
                "group-invitation",
                "inviterName",
                "Bea Lopez",
                "districtId",
                "OH-11",
                "inviteeName",
                "Carl",
                "token",
                "SAMPLE-CODE",
                "offersProxy",
                true,
                "invitationUrl",
                "https://pp.example.org/invitation/SAMPLE-CODE",
                "invitationPageUrl",
                "https://pp.example.org/invitation",
                "joinUrl",
                "https://pp.example.org/join",
                "liquid",
                false);
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
        event("event-rsvp-confirm", "confirmUrl", "https://pp.example.org/events/rsvp/SAMPLE-TOKEN");
        event("event-confirmed", null, null);
        event("event-invitation", null, null);
        event("event-reminder", null, null);
        event("event-follow-up", "hostUrl", "https://pp.example.org/events/new");
    }

    /** An event's message: the event's fields, and the link of its own when it has one. */
    private static void event(String name, String linkField, String link) {
        put(
                name,
                "fullName",
                "Ana Ruiz",
                "eventTitle",
                "Phone bank for Jo Park",
                "hostName",
                "Lee Host",
                "when",
                "Sat, Oct 3, 10:00 AM EDT",
                "where",
                "Community room, 12 Main St, Ann Arbor",
                "eventUrl",
                "https://pp.example.org/events/7");
        if (linkField != null) {
            CANDIDATE_STEPS.get(name).put(linkField, link);
        }
    }

    // the candidate's campaign (docs/campaigns.md): to the group, its hosts, and up the ladder
    static {
        put(
                "campaign-kickoff",
                "memberName",
                "Ana Ruiz",
                "candidateName",
                "Jo Park",
                "districtId",
                "CO-04",
                "electionDay",
                "November 7, 2028",
                "primary",
                false,
                "campaignUrl",
                "https://pp.example.org/c/CO-04-1",
                "hostUrl",
                "https://pp.example.org/events/new");
        put(
                "campaign-gotv",
                "memberName",
                "Ana Ruiz",
                "candidateName",
                "Jo Park",
                "districtId",
                "CO-04",
                "electionDay",
                "November 7, 2028",
                "primary",
                false,
                "campaignUrl",
                "https://pp.example.org/c/CO-04-1",
                "hostUrl",
                "https://pp.example.org/events/new");
        put(
                "campaign-wrap-up",
                "memberName",
                "Ana Ruiz",
                "candidateName",
                "Jo Park",
                "districtId",
                "CO-04",
                "events",
                42,
                "hosts",
                17,
                "attended",
                388,
                "contacts",
                12045,
                "campaignUrl",
                "https://pp.example.org/c/CO-04-1");
        put(
                "campaign-host-digest",
                "hostName",
                "Sam Lee",
                "candidateName",
                "Jo Park",
                "districtId",
                "CO-04",
                "events",
                java.util.List.of(
                        Map.of(
                                "title",
                                "Phone bank at the library",
                                "startsAt",
                                "Nov 3, 2028, 6:00 PM",
                                "inReview",
                                false,
                                "rsvps",
                                12,
                                "capacity",
                                20,
                                "rosterUrl",
                                "https://pp.example.org/events/7/host"),
                        Map.of(
                                "title",
                                "Saturday canvass",
                                "startsAt",
                                "Nov 5, 2028, 10:00 AM",
                                "inReview",
                                true,
                                "rsvps",
                                0,
                                "capacity",
                                30,
                                "rosterUrl",
                                "https://pp.example.org/events/9/host")));
        put(
                "ladder-ask-host",
                "memberName",
                "Ana Ruiz",
                "candidateName",
                "Jo Park",
                "districtId",
                "CO-04",
                "hostUrl",
                "https://pp.example.org/events/new");
        put(
                "ladder-training-offer",
                "memberName",
                "Sam Lee",
                "candidateName",
                "Jo Park",
                "districtId",
                "CO-04",
                "trainingTitle",
                "Hosts' training: running a phone bank",
                "trainingStartsAt",
                "Oct 12, 2028, 7:00 PM",
                "trainingUrl",
                "https://pp.example.org/events/12");
    }

    private static void put(String name, Object... pairs) {
        CANDIDATE_STEPS.put(name, model(pairs));
    }

    private static void round(String name, Object... pairs) {
        ROUND_MESSAGES.put(name, model(pairs));
    }

    private static Map<String, Object> model(Object... pairs) {
        Map<String, Object> model = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            model.put((String) pairs[i], pairs[i + 1]);
        }
        return model;
    }

    /** Every message with sample data, for {@code pp templates list}. */
    public static Set<String> names() {
        Set<String> names = new TreeSet<>(CANDIDATE_STEPS.keySet());
        names.addAll(ROUND_MESSAGES.keySet());
        return names;
    }

    /** The sample model in this language ({@code en} or {@code es}, the model's {@code locale}). */
    public static Map<String, Object> of(String name, String language) {
        Map<String, Object> model = of(name);
        model.put("locale", language);
        return model;
    }

    /** The sample model with the layout's fields, ready to render. */
    public static Map<String, Object> of(String name) {
        Map<String, Object> sample = CANDIDATE_STEPS.getOrDefault(name, ROUND_MESSAGES.get(name));
        if (sample == null) {
            throw new TemplateException("no sample data for '" + name + "'; samples exist for " + names());
        }
        Map<String, Object> model = new LinkedHashMap<>(sample);
        model.put("orgName", "Primary Pipeline");
        return model;
    }
}
