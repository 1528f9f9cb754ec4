package org.primarypipeline.console.ballot;

import jakarta.servlet.http.HttpServletRequest;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.primarypipeline.voting.BallotAccess;
import org.primarypipeline.voting.BallotAccess.LinkState;
import org.primarypipeline.voting.BallotLinks;
import org.primarypipeline.voting.ProxyLists;
import org.primarypipeline.voting.Receipt;
import org.primarypipeline.voting.Receipts;
import org.primarypipeline.cycles.CycleRecord;
import org.primarypipeline.supporters.MemberRepository.ProxyChoice;
import org.primarypipeline.console.cycle.UnknownCycleException;
import org.primarypipeline.core.cycle.CycleSettings;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseCookie;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The member's ballot: a single-use link opens a short session (a cookie scoped to the cycle's ballot
 * path, HttpOnly, SameSite=Strict) in which the member ranks the nominees, names proxies and sees their
 * receipt. Opening a link takes a button press, since mail scanners fetch links and would otherwise
 * spend them. Every form carries the session's form key, so no other site can post one.
 */
@RestController
public class BallotPageController {

    static final String COOKIE = "pp_ballot";

    private final BallotAccess access;
    private final BallotLinks links;
    private final BallotService ballots;
    private final Receipts receipts;
    private final BallotPages pages;
    private final org.primarypipeline.vetting.CandidacyRepository candidacies;

    public BallotPageController(BallotAccess access, BallotLinks links, BallotService ballots, Receipts receipts,
                                BallotPages pages, org.primarypipeline.vetting.CandidacyRepository candidacies) {
        this.candidacies = candidacies;
        this.access = access;
        this.links = links;
        this.ballots = ballots;
        this.receipts = receipts;
        this.pages = pages;
    }

    @GetMapping("/ballot/open/{token}")
    public ResponseEntity<String> confirm(@PathVariable String token) {
        BallotAccess.Exchange peek = access.peek(token);
        if (peek.state() != LinkState.OPENED) {
            return problem(peek);
        }
        CycleRecord cycle = ballots.cycle(peek.session().cycleId());
        return pages.page(HttpStatus.OK, "open", Map.of("token", token, "districtId", cycle.districtId(),
                "sessionHours", access.sessionTtl().toHours()));
    }

    @PostMapping("/ballot/open")
    public ResponseEntity<String> open(@RequestParam(defaultValue = "") String token, HttpServletRequest request) {
        BallotAccess.Exchange exchange = access.exchange(token);
        if (exchange.state() != LinkState.OPENED) {
            return problem(exchange);
        }
        String cycleId = exchange.session().cycleId();
        ResponseCookie cookie = ResponseCookie.from(COOKIE, exchange.sessionKey())
                .path("/ballot/" + cycleId)
                .httpOnly(true)
                .secure(secure(request))
                .sameSite("Strict")
                .maxAge(access.sessionTtl())
                .build();
        return ResponseEntity.status(HttpStatus.SEE_OTHER)
                .header(HttpHeaders.SET_COOKIE, cookie.toString())
                .header(HttpHeaders.LOCATION, "/ballot/" + cycleId)
                .header("Referrer-Policy", "no-referrer")
                .build();
    }

    @PostMapping("/ballot/link")
    public ResponseEntity<String> freshLink(@RequestParam(defaultValue = "") String cycleId,
                                            @RequestParam(defaultValue = "") String address) {
        links.sendFresh(cycleId, address);
        return pages.page(HttpStatus.OK, "sent", Map.of("title", "Check your inbox"));
    }

    @GetMapping("/ballot/{cycleId}")
    public ResponseEntity<String> ballot(@PathVariable String cycleId,
                                         @CookieValue(name = COOKIE, required = false) String key,
                                         @RequestParam(required = false) String stored) {
        Optional<BallotAccess.Session> session = access.session(cycleId, key);
        if (session.isEmpty()) {
            return sessionEnded(cycleId);
        }
        return ballotPage(HttpStatus.OK, session.get(), stored == null ? null : switch (stored) {
            case "ballot" -> "Your ballot is stored. Your receipt is below.";
            case "proxies" -> "Your proxies are saved.";
            default -> null;
        }, null);
    }

    @PostMapping("/ballot/{cycleId}/ranking")
    public ResponseEntity<String> rank(@PathVariable String cycleId,
                                       @CookieValue(name = COOKIE, required = false) String key,
                                       @RequestParam MultiValueMap<String, String> form) {
        Optional<BallotAccess.Session> session = formSession(cycleId, key, form);
        if (session.isEmpty()) {
            return sessionEnded(cycleId);
        }
        try {
            ballots.cast(cycleId, session.get().memberId(), ranking(form));
        } catch (IllegalArgumentException | IllegalStateException refused) {
            return ballotPage(HttpStatus.BAD_REQUEST, session.get(), null, refused.getMessage());
        }
        return seeOther("/ballot/" + cycleId + "?stored=ballot");
    }

    @PostMapping("/ballot/{cycleId}/proxies")
    public ResponseEntity<String> proxies(@PathVariable String cycleId,
                                          @CookieValue(name = COOKIE, required = false) String key,
                                          @RequestParam MultiValueMap<String, String> form) {
        Optional<BallotAccess.Session> session = formSession(cycleId, key, form);
        if (session.isEmpty()) {
            return sessionEnded(cycleId);
        }
        long member = session.get().memberId();
        try {
            switch (form.getFirst("scope") == null ? "standing" : form.getFirst("scope")) {
                case "cycle" -> ballots.overrideProxies(cycleId, member, proxyChoices(form));
                case "clear" -> ballots.clearOverride(cycleId, member);
                default -> ballots.nameStandingProxies(member, proxyChoices(form));
            }
        } catch (IllegalArgumentException | IllegalStateException refused) {
            return ballotPage(HttpStatus.BAD_REQUEST, session.get(), null, refused.getMessage());
        }
        return seeOther("/ballot/" + cycleId + "?stored=proxies");
    }

    @PostMapping("/ballot/{cycleId}/signout")
    public ResponseEntity<String> signOut(@PathVariable String cycleId,
                                          @CookieValue(name = COOKIE, required = false) String key,
                                          @RequestParam MultiValueMap<String, String> form) {
        if (formSession(cycleId, key, form).isPresent()) {
            access.close(key);
        }
        ResponseCookie gone = ResponseCookie.from(COOKIE, "").path("/ballot/" + cycleId).maxAge(0).build();
        return ResponseEntity.status(HttpStatus.SEE_OTHER).header(HttpHeaders.SET_COOKIE, gone.toString())
                .header(HttpHeaders.LOCATION, "/ballot/" + cycleId + "/check").build();
    }

    /** Anyone may check a receipt once the round is counted; the page names no member and no ranking. */
    @GetMapping("/ballot/{cycleId}/check")
    public ResponseEntity<String> check(@PathVariable String cycleId, @RequestParam(required = false) String receipt) {
        ballots.cycle(cycleId);
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("title", "Check a receipt");
        model.put("cycleId", cycleId);
        receipts.publication(cycleId).ifPresent(p -> {
            Map<String, Object> published = new LinkedHashMap<>();
            published.put("chainHead", p.chainHead());
            published.put("chainLength", p.chainLength());
            published.put("counted", p.countedBallots());
            published.put("receipt", receipt == null ? "" : receipt);
            if (receipt != null && !receipt.isBlank()) {
                Receipts.Check c = receipts.check(cycleId, receipt).orElseThrow();
                published.put("checked", true);
                published.put("counted", c.counted());
                published.put("verdict", !c.found() ? "This receipt is not in the chain of cycle " + cycleId + "."
                        : c.counted() ? "Found as entry #" + c.seq() + " and counted."
                        : "Found as entry #" + c.seq() + ", but not counted: a later ballot of the same member replaced it.");
            }
            model.put("published", published);
        });
        return pages.page(HttpStatus.OK, "check", model);
    }

    private ResponseEntity<String> ballotPage(HttpStatus status, BallotAccess.Session session, String message,
                                              String error) {
        CycleRecord cycle = ballots.cycle(session.cycleId());
        long member = session.memberId();
        boolean open = ballots.roundOpen(cycle);
        List<BallotService.Nominee> nominees = ballots.ownBallot(cycle.id(), member);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (BallotService.Nominee n : nominees) {
            List<Map<String, Object>> choices = new ArrayList<>();
            for (int rank = 1; rank <= nominees.size(); rank++) {
                choices.add(Map.of("value", rank, "selected", n.rank() != null && n.rank() == rank));
            }
            Map<String, Object> row = new java.util.HashMap<>(Map.of("candidacyId", n.candidacyId(), "name", n.name(),
                    "choices", choices));
            // the candidate's own profile from their acceptance (plain text; the photo as a link, the page loads nothing outside)
            candidacies.find(cycle.id(), n.candidacyId()).ifPresent(c -> {
                row.put("statement", c.statement());
                row.put("photoUrl", c.photoUrl());
            });
            rows.add(row);
        }
        Optional<Receipt> receipt = ballots.receipt(cycle.id(), member);
        ProxyLists.Lists lists = ballots.proxies(cycle.id(), member);
        List<Map<String, Object>> slots = new ArrayList<>();
        List<ProxyChoice> shown = lists.effective();
        for (int slot = 1; slot <= 10; slot++) {
            ProxyChoice p = slot <= shown.size() ? shown.get(slot - 1) : null;
            slots.add(Map.of("slot", slot, "member", p == null ? "" : p.proxyMemberId(), "units", p == null ? "" : p.units()));
        }
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("title", "Your ballot: " + cycle.districtId());
        model.put("cycleId", cycle.id());
        model.put("districtId", cycle.districtId());
        model.put("memberId", member);
        model.put("memberName", ballots.memberName(member));
        model.put("open", open);
        model.put("closesAt", BallotLinks.closesAt(cycle));
        model.put("formKey", session.formKey());
        model.put("nominees", rows);
        model.put("hasBallot", receipt.isPresent());
        receipt.ifPresent(r -> model.put("receipt", r));
        model.put("standing", describe(lists.standing()));
        model.put("cycleList", lists.override().map(o -> "your own list for this cycle: " + describe(o))
                .orElse("your standing list"));
        model.put("proxiesOpen", open);
        model.put("proxySlots", slots);
        if (message != null) {
            model.put("message", message);
        }
        if (error != null) {
            model.put("error", error);
        }
        model.putAll(rules(cycle.settings()));
        return pages.page(status, "ballot", model);
    }

    static Map<String, Object> rules(CycleSettings settings) {
        boolean liquid = settings.policy().equals("liquid");
        return Map.of(
                "policyName", liquid ? "liquid democracy" : "smartocracy",
                "policyRule", liquid
                        ? "if you vote, your own 10 units stay on your ballot; only if you do not vote do they go to your proxies."
                        : "if you name proxies, your own 10 units go to them even when you vote too (the group's trust outranks self-assessment); your ballot carries the units others hand you. With no proxies named, your units stay on your ballot.",
                "methodName", switch (settings.method()) {
                    case "plurality" -> "plurality (first choices only)";
                    case "schulze" -> "the Schulze method (pairwise comparison)";
                    default -> "instant runoff (the nominee with the fewest units is eliminated, round by round, until one has a majority)";
                },
                "quorum", percent(settings.quorumShare()),
                "recountMargin", percent(settings.recountMargin()));
    }

    private static String percent(BigDecimal share) {
        return share.movePointRight(2).stripTrailingZeros().toPlainString() + "%";
    }

    private static String describe(List<ProxyChoice> list) {
        if (list.isEmpty()) {
            return "nobody (your units stay on your own ballot)";
        }
        return String.join(", ", list.stream().map(p -> "member " + p.proxyMemberId() + " (" + p.units() + " units)").toList());
    }

    /** Ranks as chosen ({@code rank_<candidacy>} = 1, 2, ...), in rank order; each rank once. */
    static List<Long> ranking(MultiValueMap<String, String> form) {
        TreeMap<Integer, Long> byRank = new TreeMap<>();
        for (Map.Entry<String, List<String>> field : form.entrySet()) {
            if (!field.getKey().startsWith("rank_") || field.getValue().isEmpty() || field.getValue().get(0).isBlank()) {
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

    private Optional<BallotAccess.Session> formSession(String cycleId, String key, MultiValueMap<String, String> form) {
        String given = form.getFirst("formKey");
        return access.session(cycleId, key).filter(s -> given != null && java.security.MessageDigest.isEqual(
                s.formKey().getBytes(StandardCharsets.US_ASCII), given.getBytes(StandardCharsets.US_ASCII)));
    }

    private ResponseEntity<String> sessionEnded(String cycleId) {
        try {
            ballots.cycle(cycleId);
        } catch (UnknownCycleException e) {
            return pages.page(HttpStatus.NOT_FOUND, "problem", Map.of("heading", "No such ballot",
                    "message", "There is no cycle " + cycleId + "."));
        }
        return pages.page(HttpStatus.UNAUTHORIZED, "problem", Map.of("heading", "Your ballot is closed on this device",
                "message", "Ballot sessions end after a while, and on another device or browser you need your own link. "
                        + "Your stored ballot is safe.",
                "freshLink", true, "cycleId", cycleId));
    }

    private ResponseEntity<String> problem(BallotAccess.Exchange exchange) {
        String cycleId = exchange.session() == null ? null : exchange.session().cycleId();
        Map<String, Object> model = new LinkedHashMap<>();
        switch (exchange.state()) {
            case USED -> {
                model.put("heading", "This link has already been used");
                model.put("message", "Each ballot link opens your ballot once. If you opened it, your ballot is still "
                        + "open in that browser for a while; otherwise ask for a fresh link below. If you did not "
                        + "open it, tell the organisers: someone else may have your link.");
            }
            case EXPIRED -> {
                model.put("heading", "This link has expired");
                model.put("message", "Ballot links are good for a limited time. Ask for a fresh one below.");
            }
            case ROUND_CLOSED -> {
                model.put("heading", "Voting is closed");
                model.put("message", "This cycle no longer takes ballots. Once it is counted you can check your "
                        + "receipt at /ballot/" + cycleId + "/check.");
            }
            default -> {
                model.put("heading", "This link is not valid");
                model.put("message", "Check that you copied the whole link from your message, or ask the organisers "
                        + "for a fresh one.");
            }
        }
        if (cycleId != null && exchange.state() != LinkState.ROUND_CLOSED) {
            model.put("freshLink", true);
            model.put("cycleId", cycleId);
        }
        model.put("title", model.get("heading"));
        return pages.page(exchange.state() == LinkState.UNKNOWN ? HttpStatus.NOT_FOUND : HttpStatus.GONE, "problem", model);
    }

    private static ResponseEntity<String> seeOther(String location) {
        return ResponseEntity.status(HttpStatus.SEE_OTHER).header(HttpHeaders.LOCATION, location).build();
    }

    private static boolean secure(HttpServletRequest request) {
        return request.isSecure() || "https".equalsIgnoreCase(request.getHeader("X-Forwarded-Proto"));
    }
}
