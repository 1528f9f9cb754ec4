package org.primarypipeline.console.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * What members and candidates do on their own web pages, entered from the command line by staff on
 * someone's behalf (helping by phone, or trying a cycle end to end): through the API, as the signed-in
 * account, checked and audited as the API's participation endpoints are.
 */
final class ParticipationCommands {

    /** A member's units, split among proxies; the same whole units the proxy pages use. */
    private static final int UNITS_PER_MEMBER = 10;

    private ParticipationCommands() {}

    @Command(
            name = "members",
            description = "District group members.",
            subcommands = {Join.class, Proxies.class})
    static class Members extends GroupCommand {}

    @Command(
            name = "join",
            description = "Ask to join a district's group: the person is sent a link (email, or SMS without one) and"
                    + " is a member once they follow it.")
    static class Join extends ClientCommand {
        @Option(names = "--district", required = true)
        String district;

        @Option(names = "--name", required = true)
        String name;

        @Option(names = "--email")
        String email;

        @Option(names = "--phone")
        String phone;

        @Option(names = "--zip", description = "Where they live: the district comes from it when it differs.")
        String zip;

        @Override
        String perform(ApiClient api) {
            RequestBodies.Join body = new RequestBodies.Join(name, email, phone, zip);
            com.fasterxml.jackson.databind.JsonNode answer =
                    api.send("POST", "/api/districts/" + ApiClient.segment(district) + "/members", body);
            String note = answer.path("note").asText("");
            return answer.path("result").asText() + (note.isEmpty() ? "" : "\n" + note);
        }
    }

    @Command(
            name = "proxies",
            description = "Enter a member's proxies at their request (an assisted ballot): ID or ID:UNITS (shares sum"
                    + " to 10; default split equally). They are sent a link and the list counts once they confirm.")
    static class Proxies extends ClientCommand {
        @Option(names = "--member", required = true)
        long member;

        @Option(names = "--cycle", required = true, description = "The cycle whose voting round is open.")
        String cycleId;

        @Option(names = "--standing", description = "As their standing list (default: for this cycle only).")
        boolean standing;

        @Option(names = "--note", description = "How the member asked, e.g. \"by phone\".")
        String note;

        @Parameters(arity = "0..10", description = "Proxies, e.g. 12:6 15:4, or 12 15 for an equal split.")
        List<String> proxies = new ArrayList<>();

        @Override
        String perform(ApiClient api) {
            List<RequestBodies.Share> choices = shares(proxies);
            return assisted(
                    api,
                    cycleId,
                    new RequestBodies.Assisted(member, null, choices, standing ? "standing" : "cycle", note));
        }
    }

    /** ID:UNITS as given, or plain IDs split equally (the first takes the remainder). */
    static List<RequestBodies.Share> shares(List<String> proxies) {
        boolean weighted = proxies.stream().anyMatch(p -> p.contains(":"));
        List<RequestBodies.Share> choices = new ArrayList<>();
        for (int i = 0; i < proxies.size(); i++) {
            String[] parts = proxies.get(i).split(":", 2);
            int units = weighted
                    ? (parts.length < 2 ? 0 : number(parts[1]))
                    : UNITS_PER_MEMBER / proxies.size() + (i == 0 ? UNITS_PER_MEMBER % proxies.size() : 0);
            choices.add(new RequestBodies.Share(number(parts[0]), units));
        }
        return choices;
    }

    private static int number(String text) {
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("a proxy is a member id, or ID:UNITS, e.g. 12:6");
        }
    }

    @Command(name = "nominate", description = "Put someone (or yourself) forward in a cycle's nomination window.")
    static class Nominate extends ClientCommand {
        @Parameters(index = "0", description = "Cycle id, e.g. TX-07-1.")
        String cycleId;

        @Option(names = "--name", required = true)
        String name;

        @Option(names = "--email")
        String email;

        @Option(names = "--phone")
        String phone;

        @Option(
                names = "--born",
                description = "The nominee's date of birth (YYYY-MM-DD): with the next two, confirms eligibility.")
        String born;

        @Option(names = "--citizen-years", description = "Years a U.S. citizen when the term starts.")
        String citizenYears;

        @Option(names = "--inhabitant", description = "yes or no: lives in the state on election day.")
        String inhabitant;

        @Override
        String perform(ApiClient api) {
            RequestBodies.Nomination body =
                    new RequestBodies.Nomination(name, email, phone, born, citizenYears, inhabitant);
            long candidacy = api.send("POST", "/api/cycles/" + ApiClient.segment(cycleId) + "/nominations", body)
                    .path("candidacyId")
                    .asLong();
            return "candidacy " + candidacy + " created for " + name
                    + (born == null ? " (eligibility not confirmed: give --born, --citizen-years, --inhabitant)" : "");
        }
    }

    @Command(
            name = "pledge",
            description = "The pledge.",
            subcommands = {Sign.class})
    static class Pledge extends GroupCommand {}

    @Command(name = "sign", description = "Record a candidate's signature of the current pledge.")
    static class Sign extends ClientCommand {
        @Parameters(index = "0", description = "Cycle id.")
        String cycleId;

        @Option(names = "--candidacy", required = true)
        long candidacy;

        @Option(names = "--name", required = true, description = "The candidate's typed full name.")
        String name;

        @Override
        String perform(ApiClient api) {
            api.send(
                    "POST",
                    "/api/cycles/" + ApiClient.segment(cycleId) + "/candidacies/" + candidacy + "/pledge",
                    new RequestBodies.Signature(name));
            return "candidacy " + candidacy + " signed the current pledge";
        }
    }

    @Command(
            name = "vote",
            description = "Enter a member's ballot at their request (an assisted ballot): a ranking of candidacy ids,"
                    + " e.g. 3>5>4. They are sent a link and it counts once they confirm it.")
    static class Vote extends ClientCommand {
        @Parameters(index = "0", description = "Cycle id.")
        String cycleId;

        @Option(names = "--member", required = true)
        long member;

        @Option(names = "--ranking", required = true)
        String ranking;

        @Option(names = "--note", description = "How the member asked, e.g. \"by phone\".")
        String note;

        @Override
        String perform(ApiClient api) {
            List<Long> ids = new ArrayList<>();
            for (String part : ranking.split(">")) {
                try {
                    ids.add(Long.parseLong(part.trim()));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("a ranking lists candidacy ids separated by '>', e.g. 3>5>4");
                }
            }
            return assisted(api, cycleId, new RequestBodies.Assisted(member, ids, null, null, note));
        }
    }

    /** {@code POST /api/cycles/ID/assisted-ballots}: the one door staff have to a member's ballot. */
    private static String assisted(ApiClient api, String cycleId, RequestBodies.Assisted body) {
        return api.send("POST", "/api/cycles/" + ApiClient.segment(cycleId) + "/assisted-ballots", body)
                .path("result")
                .asText();
    }
}
