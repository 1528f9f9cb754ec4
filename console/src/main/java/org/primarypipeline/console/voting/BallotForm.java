package org.primarypipeline.console.voting;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.primarypipeline.supporters.MemberRepository.ProxyChoice;
import org.primarypipeline.voting.ProxyLists;
import org.springframework.util.MultiValueMap;

/** Reads the ballot page's two forms; what cannot be read is refused with a sentence the page shows. */
final class BallotForm {

    private BallotForm() {}

    /** Ranks as chosen ({@code rank_<candidacy>} = 1, 2, ...), in rank order; each rank once. */
    static List<Long> ranking(MultiValueMap<String, String> form) {
        TreeMap<Integer, Long> byRank = new TreeMap<>();
        for (Map.Entry<String, List<String>> field : form.entrySet()) {
            if (!field.getKey().startsWith("rank_")
                    || field.getValue().isEmpty()
                    || field.getValue().get(0).isBlank()) {
                continue;
            }
            long candidacy = number(field.getKey().substring("rank_".length()), "candidate");
            int rank = (int) number(field.getValue().get(0), "rank");
            if (byRank.put(rank, candidacy) != null) {
                throw new IllegalArgumentException("rank " + rank + " is given twice; give each rank once");
            }
        }
        return new ArrayList<>(byRank.values());
    }

    /**
     * The receipt number of the ballot the form was shown with (0: none yet), or null when the form
     * does not say (an older page): then a form sent twice is stored twice, the latest counting.
     */
    static Long shownSeq(MultiValueMap<String, String> form) {
        String shown = form.getFirst("shown");
        if (shown == null || !shown.matches("\\d{1,18}")) {
            return null;
        }
        return Long.parseLong(shown);
    }

    /** Up to ten rows of member number and units; units all blank means an equal split. */
    static List<ProxyChoice> proxyChoices(MultiValueMap<String, String> form) {
        List<Long> ids = new ArrayList<>();
        List<String> units = new ArrayList<>();
        for (int slot = 1; slot <= 10; slot++) {
            String id = form.getFirst("proxy_" + slot);
            if (id != null && !id.isBlank()) {
                ids.add(number(id, "member number"));
                String u = form.getFirst("units_" + slot);
                units.add(u == null ? "" : u.strip());
            }
        }
        if (units.stream().allMatch(String::isEmpty)) {
            return ProxyLists.equalShares(ids);
        }
        if (units.stream().anyMatch(String::isEmpty)) {
            throw new IllegalArgumentException("give units for every proxy, or for none to split the 10 equally");
        }
        List<ProxyChoice> choices = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            choices.add(new ProxyChoice(ids.get(i), (int) number(units.get(i), "units")));
        }
        return choices;
    }

    private static long number(String text, String what) {
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a " + what + ": " + text);
        }
    }
}
