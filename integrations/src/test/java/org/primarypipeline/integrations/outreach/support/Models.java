package org.primarypipeline.integrations.outreach.support;

import java.util.Map;

/** A model for each shipped message, with the fields the templates document. */
public final class Models {

    private Models() {}

    public static Map<String, Object> of(String template, String name) {
        return switch (template) {
            case "ballot-link", "voting-reminder" ->
                Map.of(
                        "memberName",
                        name,
                        "districtId",
                        "TX-07",
                        "ballotUrl",
                        "https://pp.example.org/ballot/" + name.hashCode(),
                        "closesAt",
                        "Tue, Mar 3, 8:00 PM CST");
            case "vetting-invitation" ->
                Map.of(
                        "candidateName",
                        name,
                        "districtId",
                        "OH-11",
                        "vettingUrl",
                        "https://pp.example.org/vetting/" + name.hashCode(),
                        "respondBy",
                        "March 10");
            case "nomination-received" ->
                Map.of("nominatorName", name, "nomineeName", "Jo Park", "self", false, "districtId", "OH-11");
            case "cycle-result" ->
                Map.of(
                        "memberName",
                        name,
                        "districtId",
                        "TX-07",
                        "winnerName",
                        "Jo Park",
                        "quorumMet",
                        true,
                        "resultUrl",
                        "https://pp.example.org/results/1");
            default -> Map.of("name", name);
        };
    }

    public static final String[] MESSAGE_TYPES = {
        "ballot-link", "voting-reminder", "vetting-invitation", "nomination-received", "cycle-result"
    };
}
