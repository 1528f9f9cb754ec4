package org.primarypipeline.console.web;

import java.util.ArrayList;
import java.util.List;
import org.primarypipeline.console.users.Right;
import org.primarypipeline.console.users.Role;

/**
 * Who may use each endpoint of the app, declared by hand: {@link EndpointSecurityTest} checks every
 * mapping the running app serves against it (a mapping missing here fails the suite, so a new endpoint
 * must be classified) and sends each one as every role and as nobody. docs/security.md prints it.
 */
final class EndpointAccessTable {

    private EndpointAccessTable() {}

    /** Who may: anyone (a public door), any signed-in account, or the roles that have a right. */
    enum Access {
        PUBLIC,
        /** A member signed in on the members' pages (PublicEndpoints.MEMBERS_HOME): no console account. */
        MEMBER,
        SIGNED_IN,
        VIEW,
        STEER_CYCLES,
        READ_AUDIT,
        SIGN_OFF_FINANCE,
        MANAGE_USERS,
        ORGANIZE,
        /** Staff who steer cycles everywhere, or an organizer (the page then narrows to their districts). */
        STEER_OR_ORGANIZE;

        boolean allows(Role role) {
            return switch (this) {
                case PUBLIC, SIGNED_IN -> true;
                case MEMBER -> false;
                case STEER_OR_ORGANIZE -> role.has(Right.STEER_CYCLES) || role.has(Right.ORGANIZE);
                default -> role.has(Right.valueOf(name()));
            };
        }
    }

    /**
     * One endpoint and the request the suite sends to it. The request changes nothing for anyone (an
     * unknown cycle, token or id, or a form that fails validation), so the suite can send it as every
     * role in the app the other console tests share; a refusal must still come before the lookup.
     *
     * @param mapped false for what a filter or resource handler serves (sign-in page assets, health)
     * @param ownRefusal a public door that authenticates what it is sent itself (a signature, a ballot
     *     session) and may answer 401 on its own; the console's chain must still let the request through
     * @param basic an API call that needs the account's password, not a token
     */
    record Rule(
            String method,
            String pattern,
            Access access,
            String path,
            String body,
            boolean mapped,
            boolean ownRefusal,
            boolean basic) {

        String key() {
            return method + " " + pattern;
        }

        boolean api() {
            return access != Access.PUBLIC && path.startsWith("/api/");
        }

        boolean json() {
            return body != null && body.startsWith("{");
        }
    }

    static final List<Rule> RULES = new ArrayList<>();

    private static void rule(String method, String pattern, Access access, String path, String body) {
        RULES.add(new Rule(method, pattern, access, path, body, true, false, false));
    }

    private static void get(String pattern, Access access, String path) {
        rule("GET", pattern, access, path, null);
    }

    private static void post(String pattern, Access access, String path, String body) {
        rule("POST", pattern, access, path, body);
    }

    /** A public door that checks a signature or a session of its own. */
    private static void ownDoor(String method, String pattern, String path, String body) {
        RULES.add(new Rule(method, pattern, Access.PUBLIC, path, body, true, true, false));
    }

    private static void unmapped(String path) {
        RULES.add(new Rule("GET", path, Access.PUBLIC, path, null, false, false, false));
    }

    private static final String NO_CYCLE = "NO-SUCH-1";

    static {
        // members, candidates and providers: PublicEndpoints.MEMBERS_AND_PROVIDERS
        post("/api/districts/{district}/members", Access.PUBLIC, "/api/districts/ZZ-99/members", "{\"fullName\":\"\"}");
        get("/invitation", Access.PUBLIC, "/invitation");
        get("/invitation/{token}", Access.PUBLIC, "/invitation/no-such-invitation");
        post("/invitation/accept", Access.PUBLIC, "/invitation/accept", "token=no-such-invitation");
        post("/invitation/decline", Access.PUBLIC, "/invitation/decline", "token=no-such-invitation");
        get("/nominate/{cycleId}", Access.PUBLIC, "/nominate/" + NO_CYCLE);
        post("/nominate/{cycleId}", Access.PUBLIC, "/nominate/" + NO_CYCLE, "nomineeName=");
        get("/nominate/confirm/{token}", Access.PUBLIC, "/nominate/confirm/no-such-token");
        post("/nominate/confirm", Access.PUBLIC, "/nominate/confirm", "token=no-such-token");
        get("/candidacy/accept/{token}", Access.PUBLIC, "/candidacy/accept/no-such-token");
        post("/candidacy/accept", Access.PUBLIC, "/candidacy/accept", "token=no-such-token");
        get("/fundraisers/{id}", Access.PUBLIC, "/fundraisers/no-such-fundraiser");
        get("/fundraisers/{id}/donate", Access.PUBLIC, "/fundraisers/no-such-fundraiser/donate");
        post("/fundraisers/{id}/donate", Access.PUBLIC, "/fundraisers/no-such-fundraiser/donate", "amount=");
        get("/fundraisers/{id}/thanks", Access.PUBLIC, "/fundraisers/no-such-fundraiser/thanks");
        get("/fundraisers/best-efforts/{token}", Access.PUBLIC, "/fundraisers/best-efforts/no-such-token");
        post("/fundraisers/best-efforts/{token}", Access.PUBLIC, "/fundraisers/best-efforts/no-such-token", "x=");
        get("/fundraisers/gift/{token}", Access.PUBLIC, "/fundraisers/gift/no-such-token");
        post("/fundraisers/gift/{token}/amount", Access.PUBLIC, "/fundraisers/gift/no-such-token/amount", "amount=5");
        post("/fundraisers/gift/{token}/cancel", Access.PUBLIC, "/fundraisers/gift/no-such-token/cancel", "x=");
        post("/fundraisers/gift/{token}/receipts", Access.PUBLIC, "/fundraisers/gift/no-such-token/receipts", "x=");
        post("/webhooks/stripe", Access.PUBLIC, "/webhooks/stripe", "{\"type\":\"unsigned\"}");
        ownDoor("POST", "/twilio/sms", "/twilio/sms", "MessageSid=SM-suite&From=%2B15125550111&Body=hi");
        ownDoor("POST", "/twilio/status/{outboxId}", "/twilio/status/987654", "MessageSid=SM-suite&MessageStatus=sent");
        ownDoor(
                "POST",
                "/twilio/voice/status/{id}",
                "/twilio/voice/status/987654",
                "CallSid=CA-suite&CallStatus=ringing");
        get("/unsubscribe/{token}", Access.PUBLIC, "/unsubscribe/no-such-token");
        post("/unsubscribe/{token}", Access.PUBLIC, "/unsubscribe/no-such-token", "x=");
        get("/ballot/open/{token}", Access.PUBLIC, "/ballot/open/no-such-token");
        post("/ballot/open", Access.PUBLIC, "/ballot/open", "token=no-such-token");
        post("/ballot/link", Access.PUBLIC, "/ballot/link", "cycleId=" + NO_CYCLE + "&address=");
        get("/ballot/{cycleId}", Access.PUBLIC, "/ballot/" + NO_CYCLE);
        post("/ballot/{cycleId}/ranking", Access.PUBLIC, "/ballot/" + NO_CYCLE + "/ranking", "formKey=x");
        post("/ballot/{cycleId}/proxies", Access.PUBLIC, "/ballot/" + NO_CYCLE + "/proxies", "formKey=x");
        post("/ballot/{cycleId}/signout", Access.PUBLIC, "/ballot/" + NO_CYCLE + "/signout", "formKey=x");
        get("/ballot/{cycleId}/check", Access.PUBLIC, "/ballot/" + NO_CYCLE + "/check");
        get("/ballot/assisted/{token}", Access.PUBLIC, "/ballot/assisted/no-such-token");
        post("/ballot/assisted/{id}", Access.PUBLIC, "/ballot/assisted/999999", "token=no-such-token&decision=confirm");
        get("/results/{cycleId}", Access.PUBLIC, "/results/" + NO_CYCLE);
        get("/ballot/{cycleId}/receipts", Access.PUBLIC, "/ballot/" + NO_CYCLE + "/receipts");
        get("/ballot/{cycleId}/receipts/{receipt}", Access.PUBLIC, "/ballot/" + NO_CYCLE + "/receipts/abc");
        get("/ballot/{cycleId}/audit-bundle", Access.PUBLIC, "/ballot/" + NO_CYCLE + "/audit-bundle");
        get("/join", Access.PUBLIC, "/join");
        get("/c/**", Access.PUBLIC, "/c/" + NO_CYCLE);
        post("/join", Access.PUBLIC, "/join", "fullName=");
        get("/join/confirm/{token}", Access.PUBLIC, "/join/confirm/no-such-token");
        post("/join/confirm/{token}", Access.PUBLIC, "/join/confirm/no-such-token", "");
        // events hosted by volunteers: the list, an event and its RSVP, the RSVP's link; proposing and hosting
        // lead to the members' pages
        get("/events", Access.PUBLIC, "/events");
        get("/events/{id}", Access.PUBLIC, "/events/999999999");
        post("/events/{id}/rsvp", Access.PUBLIC, "/events/999999999/rsvp", "fullName=");
        get("/events/rsvp/{token}", Access.PUBLIC, "/events/rsvp/no-such-token");
        post("/events/rsvp/{token}", Access.PUBLIC, "/events/rsvp/no-such-token", "");
        get("/events/new", Access.PUBLIC, "/events/new");
        get("/events/{id}/host", Access.PUBLIC, "/events/999999999/host");
        unmapped("/actuator/health");
        // the members' own pages: asking for a sign-in link and following it (PublicEndpoints.MEMBERS_OPEN)
        get("/me/sign-in", Access.PUBLIC, "/me/sign-in");
        post("/me/sign-in", Access.PUBLIC, "/me/sign-in", "address=");
        get("/me/sign-in/{token}", Access.PUBLIC, "/me/sign-in/no-such-token");
        post("/me/sign-in/{token}", Access.PUBLIC, "/me/sign-in/no-such-token", "");
        // a guest caller's one-time event link: a button, and its post opening the call page (issue 23)
        get("/me/call-link/{token}", Access.PUBLIC, "/me/call-link/no-such-token");
        post("/me/call-link/{token}", Access.PUBLIC, "/me/call-link/no-such-token", "");
        // and a signed-in member's (PublicEndpoints.MEMBERS_HOME): every console account is sent to sign in there
        get("/me", Access.MEMBER, "/me");
        get("/me/leave", Access.MEMBER, "/me/leave");
        post("/me/leave", Access.MEMBER, "/me/leave", "confirm=no");
        post("/me/sign-out", Access.MEMBER, "/me/sign-out", "");
        post("/me/contact", Access.MEMBER, "/me/contact", "email=");
        post("/me/language", Access.MEMBER, "/me/language", "locale=en");
        post("/me/address", Access.MEMBER, "/me/address", "zip=");
        get("/me/proxies", Access.MEMBER, "/me/proxies");
        get("/me/share", Access.MEMBER, "/me/share?cycle=" + NO_CYCLE);
        post("/me/proxies", Access.MEMBER, "/me/proxies", "person_1=1&share_1=10");
        get("/me/events/new", Access.MEMBER, "/me/events/new");
        post("/me/events/new", Access.MEMBER, "/me/events/new", "kind=");
        get("/me/events/{id}/host", Access.MEMBER, "/me/events/999999999/host");
        post("/me/events/{id}/check-in", Access.MEMBER, "/me/events/999999999/check-in", "rsvp=1");
        post("/me/events/{id}/report", Access.MEMBER, "/me/events/999999999/report", "attended=1");
        get("/me/events/{id}/caller-links", Access.MEMBER, "/me/events/999999999/caller-links");
        post("/me/events/{id}/caller-links", Access.MEMBER, "/me/events/999999999/caller-links", "name=");
        post("/me/proxies/ask", Access.MEMBER, "/me/proxies/ask", "person=1&q=a");
        post("/me/proxies/confirm", Access.MEMBER, "/me/proxies/confirm", "person=1");
        post("/me/privacy", Access.MEMBER, "/me/privacy", "findable=GROUP");
        get("/me/call/{cycleId}", Access.MEMBER, "/me/call/" + NO_CYCLE);
        post("/me/call/{cycleId}", Access.MEMBER, "/me/call/" + NO_CYCLE, "contactId=0");
        get("/me/walk", Access.MEMBER, "/me/walk");
        get("/me/walk/{turfId}", Access.MEMBER, "/me/walk/0");
        post("/me/walk/{turfId}", Access.MEMBER, "/me/walk/0", "contactId=0");
        post("/me/call/{cycleId}/bridge", Access.MEMBER, "/me/call/" + NO_CYCLE + "/bridge", "contactId=0");
        get("/me/text/{cycleId}", Access.MEMBER, "/me/text/" + NO_CYCLE);
        post("/me/text/{cycleId}/take", Access.MEMBER, "/me/text/" + NO_CYCLE + "/take", "x=");
        post("/me/text/{cycleId}/send", Access.MEMBER, "/me/text/" + NO_CYCLE + "/send", "contactId=0");
        get("/me/text/{cycleId}/{contactId}", Access.MEMBER, "/me/text/" + NO_CYCLE + "/0");
        post("/me/text/{cycleId}/{contactId}", Access.MEMBER, "/me/text/" + NO_CYCLE + "/0", "body=");
        post("/me/text/{cycleId}/{contactId}/result", Access.MEMBER, "/me/text/" + NO_CYCLE + "/0/result", "result=");
        // open inside the console so that the sign-in page can be shown: PublicEndpoints.CONSOLE_OPEN
        get("/login", Access.PUBLIC, "/login");
        rule("*", "/error", Access.PUBLIC, "/error", null);
        unmapped("/console/app.css");
        unmapped("/console/walk.js");
        unmapped("/webjars/htmx.org/2.0.8/dist/htmx.min.js");
        unmapped("/favicon.ico");

        // any signed-in account
        RULES.add(new Rule(
                "POST", "/api/tokens", Access.SIGNED_IN, "/api/tokens", "{\"label\":\"suite\"}", true, false, true));
        get("/api/tokens/current", Access.SIGNED_IN, "/api/tokens/current");
        // sent with the password, not a token, so that it revokes nothing: the door answers 400
        RULES.add(new Rule(
                "DELETE", "/api/tokens/current", Access.SIGNED_IN, "/api/tokens/current", null, true, false, true));
        get("/api/imports/{id}", Access.SIGNED_IN, "/api/imports/999999");
        get("/api/districts/priorities", Access.SIGNED_IN, "/api/districts/priorities?limit=1");
        get("/api/districts/priorities/export.csv", Access.SIGNED_IN, "/api/districts/priorities/export.csv");
        get("/api/cycles/{cycleId}/receipts", Access.SIGNED_IN, "/api/cycles/" + NO_CYCLE + "/receipts");
        get("/api/cycles/{cycleId}/receipts/{receipt}", Access.SIGNED_IN, "/api/cycles/" + NO_CYCLE + "/receipts/x");
        get("/v3/api-docs", Access.SIGNED_IN, "/v3/api-docs");
        get("/v3/api-docs.yaml", Access.SIGNED_IN, "/v3/api-docs.yaml");
        get("/v3/api-docs/swagger-config", Access.SIGNED_IN, "/v3/api-docs/swagger-config");
        get("/swagger-ui.html", Access.SIGNED_IN, "/swagger-ui.html");

        // read the console: every role
        get("/", Access.VIEW, "/");
        get("/cycles", Access.VIEW, "/cycles");
        get("/cycles/{cycleId}", Access.VIEW, "/cycles/" + NO_CYCLE);
        get("/cycles/{cycleId}/live", Access.VIEW, "/cycles/" + NO_CYCLE + "/live");
        get("/cycles/{cycleId}/candidacies/{candidacyId}", Access.VIEW, "/cycles/" + NO_CYCLE + "/candidacies/1");
        get("/cycles/{cycleId}/nominations", Access.VIEW, "/cycles/" + NO_CYCLE + "/nominations");
        get("/districts", Access.VIEW, "/districts");
        get("/districts/{district}", Access.VIEW, "/districts/ZZ-99");
        get("/districts/model", Access.VIEW, "/districts/model");
        get("/districts/weights", Access.VIEW, "/districts/weights");
        get("/supporters/members", Access.VIEW, "/supporters/members?district=ZZ-99");
        get("/supporters", Access.VIEW, "/supporters");
        get("/supporters/imports", Access.VIEW, "/supporters/imports");
        get("/pledge", Access.VIEW, "/pledge");
        get("/api/cycles", Access.VIEW, "/api/cycles");
        get("/api/cycles/{cycleId}", Access.VIEW, "/api/cycles/" + NO_CYCLE);
        get("/api/pledge", Access.VIEW, "/api/pledge");
        get("/api/vetting/duty", Access.VIEW, "/api/vetting/duty");

        // launch and steer cycles, act on someone's behalf
        String api = "/api/cycles/" + NO_CYCLE;
        String page = "/cycles/" + NO_CYCLE;
        post("/api/cycles", Access.STEER_CYCLES, "/api/cycles", "{\"district\":\"ZZ-01\"}");
        // a campaign's voter contact: staff, or an organizer of its district (CampaignScope)
        post(
                "/api/campaigns/{cycleId}/universes",
                Access.STEER_CYCLES,
                "/api/campaigns/" + NO_CYCLE + "/universes",
                "{}");
        get("/api/campaigns/{cycleId}/universes", Access.STEER_CYCLES, "/api/campaigns/" + NO_CYCLE + "/universes");
        post("/api/campaigns/{cycleId}/packets", Access.STEER_CYCLES, "/api/campaigns/" + NO_CYCLE + "/packets", "{}");
        post(
                "/api/events/{id}/caller-links",
                Access.STEER_CYCLES,
                "/api/events/999999999/caller-links",
                "{\"name\":\"\"}");
        get("/api/campaigns/{cycleId}/results", Access.STEER_CYCLES, "/api/campaigns/" + NO_CYCLE + "/results");
        get(
                "/api/campaigns/{cycleId}/attempts.csv",
                Access.STEER_CYCLES,
                "/api/campaigns/" + NO_CYCLE + "/attempts.csv");
        get(
                "/api/campaigns/{cycleId}/attempts.json",
                Access.STEER_CYCLES,
                "/api/campaigns/" + NO_CYCLE + "/attempts.json");
        post(
                "/api/campaigns/{cycleId}/text-banks",
                Access.STEER_CYCLES,
                "/api/campaigns/" + NO_CYCLE + "/text-banks",
                "{}");
        post(
                "/api/campaigns/{cycleId}/turf-cuts",
                Access.STEER_CYCLES,
                "/api/campaigns/" + NO_CYCLE + "/turf-cuts",
                "{}");
        get("/api/campaigns/{cycleId}/turfs", Access.STEER_CYCLES, "/api/campaigns/" + NO_CYCLE + "/turfs");
        post(
                "/api/campaigns/{cycleId}/turfs/{turfId}/checkout",
                Access.STEER_CYCLES,
                "/api/campaigns/" + NO_CYCLE + "/turfs/0/checkout",
                "{}");
        get("/api/opt-outs.csv", Access.STEER_CYCLES, "/api/opt-outs.csv");
        post("/api/opt-outs", Access.STEER_CYCLES, "/api/opt-outs", "{}");
        post(
                "/api/cycles/{cycleId}/review",
                Access.STEER_CYCLES,
                api + "/review",
                "{\"candidacyId\":1,\"verdict\":\"REJECT\",\"reason\":\"x\"}");
        post("/api/cycles/{cycleId}/extend", Access.STEER_CYCLES, api + "/extend", "{}");
        for (String action : List.of("close", "recount", "certify")) {
            post("/api/cycles/{cycleId}/" + action, Access.STEER_CYCLES, api + "/" + action, "{}");
            post("/cycles/{cycleId}/" + action, Access.STEER_CYCLES, page + "/" + action, "");
        }
        post("/api/cycles/{cycleId}/withdraw", Access.STEER_CYCLES, api + "/withdraw", "{\"candidacyId\":1}");
        post("/api/cycles/{cycleId}/cancel", Access.STEER_CYCLES, api + "/cancel", "{\"reason\":\"x\"}");
        post(
                "/cycles/{cycleId}/review",
                Access.STEER_CYCLES,
                page + "/review",
                "candidacyId=1&verdict=REJECT&reason=x");
        post("/cycles/{cycleId}/extend", Access.STEER_CYCLES, page + "/extend", "");
        post("/cycles/{cycleId}/withdraw", Access.STEER_CYCLES, page + "/withdraw", "candidacyId=1");
        post("/cycles/{cycleId}/cancel", Access.STEER_CYCLES, page + "/cancel", "reason=x");
        // end or extend a winner's campaign (issue 22): an unknown cycle has no campaign, so nothing changes
        post(
                "/api/campaigns/{cycleId}/end",
                Access.STEER_CYCLES,
                "/api/campaigns/" + NO_CYCLE + "/end",
                "{\"reason\":\"x\"}");
        post(
                "/api/campaigns/{cycleId}/extend",
                Access.STEER_CYCLES,
                "/api/campaigns/" + NO_CYCLE + "/extend",
                "{\"days\":1}");
        post("/cycles/{cycleId}/campaign/end", Access.STEER_CYCLES, page + "/campaign/end", "reason=x");
        post("/cycles/{cycleId}/campaign/extend", Access.STEER_CYCLES, page + "/campaign/extend", "days=1");
        // what staff enter on a candidate's behalf, from the candidacy page
        post(
                "/cycles/{cycleId}/candidacies/{candidacyId}/contact",
                Access.STEER_CYCLES,
                page + "/candidacies/1/contact",
                "email=");
        post(
                "/cycles/{cycleId}/candidacies/{candidacyId}/pledge",
                Access.STEER_CYCLES,
                page + "/candidacies/1/pledge",
                "typedName=");
        post(
                "/cycles/{cycleId}/candidacies/{candidacyId}/eligibility",
                Access.STEER_CYCLES,
                page + "/candidacies/1/eligibility",
                "");
        get("/districts/{district}/launch", Access.STEER_CYCLES, "/districts/ZZ-01/launch");
        get("/districts/{district}/launch/schedule", Access.STEER_CYCLES, "/districts/ZZ-01/launch/schedule");
        post("/districts/{district}/launch", Access.STEER_CYCLES, "/districts/ZZ-01/launch", "vettingPeriod=1d");
        get("/outbox/dead-letters", Access.STEER_CYCLES, "/outbox/dead-letters");
        // events in review: staff who steer cycles, and (once the organizer role lands) the district's organizers
        get("/event-review", Access.STEER_OR_ORGANIZE, "/event-review");
        post("/event-review/{id}/object", Access.STEER_OR_ORGANIZE, "/event-review/999999999/object", "reason=");
        post("/event-review/hosts/{memberId}/trust", Access.STEER_CYCLES, "/event-review/hosts/999999999/trust", "");
        // campaigns (issue 22): staff by right, an organizer only in the districts granted (an unknown
        // campaign has no district, so an organizer is refused it); the list shows each their own
        get("/campaigns", Access.SIGNED_IN, "/campaigns");
        get("/campaigns/{cycleId}", Access.VIEW, "/campaigns/" + NO_CYCLE);
        post("/campaigns/{cycleId}/goals", Access.STEER_CYCLES, "/campaigns/" + NO_CYCLE + "/goals", "metric=");
        post("/campaigns/{cycleId}/message", Access.STEER_CYCLES, "/campaigns/" + NO_CYCLE + "/message", "subject=");
        post(
                "/campaigns/{cycleId}/contacts/import",
                Access.STEER_CYCLES,
                "/campaigns/" + NO_CYCLE + "/contacts/import",
                "file=");
        get(
                "/campaigns/{cycleId}/contacts/imports",
                Access.STEER_CYCLES,
                "/campaigns/" + NO_CYCLE + "/contacts/imports");
        post("/campaigns/organizers", Access.MANAGE_USERS, "/campaigns/organizers", "username=");
        post("/outbox/dead-letters/{id}/requeue", Access.STEER_CYCLES, "/outbox/dead-letters/999999/requeue", "");
        get("/mailbox", Access.STEER_CYCLES, "/mailbox");
        get("/mailbox/{number}", Access.STEER_CYCLES, "/mailbox/999999");
        rule(
                "PUT",
                "/api/members/{memberId}/proxies",
                Access.STEER_CYCLES,
                "/api/members/999999/proxies",
                "{\"proxies\":[]}");
        post(
                "/api/cycles/{cycleId}/nominations",
                Access.STEER_CYCLES,
                api + "/nominations",
                "{\"nomineeName\":\"Suite Nominee\",\"nomineeEmail\":\"suite-nominee@example.org\"}");
        post(
                "/api/cycles/{cycleId}/candidacies/{candidacyId}/pledge",
                Access.STEER_CYCLES,
                api + "/candidacies/1/pledge",
                "{\"typedName\":\"x\"}");
        post(
                "/api/cycles/{cycleId}/candidacies/{candidacyId}/eligibility",
                Access.STEER_CYCLES,
                api + "/candidacies/1/eligibility",
                "{}");
        post(
                "/api/cycles/{cycleId}/assisted-ballots",
                Access.STEER_CYCLES,
                api + "/assisted-ballots",
                "{\"memberId\":999999,\"ranking\":[1]}");
        post(
                "/api/cycles/{cycleId}/ballots",
                Access.STEER_CYCLES,
                api + "/ballots",
                "{\"memberId\":999999,\"ranking\":[1]}");
        post("/api/pledge", Access.STEER_CYCLES, "/api/pledge", "{}");
        post(
                "/api/candidates/{candidateId}/pledge/withdraw",
                Access.STEER_CYCLES,
                "/api/candidates/999999/pledge/withdraw",
                "{}");
        post("/api/vetting/duty", Access.STEER_CYCLES, "/api/vetting/duty", "{}");
        post("/pledge", Access.STEER_CYCLES, "/pledge", "");
        post(
                "/candidates/{candidateId}/pledge/withdraw",
                Access.STEER_CYCLES,
                "/candidates/999999/pledge/withdraw",
                "");
        post("/api/districts/priorities/run", Access.STEER_CYCLES, "/api/districts/priorities/run", "{}");

        // the audit log
        get("/audit", Access.READ_AUDIT, "/audit?outcome=DENIED");
        get("/api/audit", Access.READ_AUDIT, "/api/audit?limit=1");

        // finance
        String fr = "/fundraisers/999999";
        String period = "?from=2026-05-01&to=2026-05-31";
        get("/finance", Access.SIGN_OFF_FINANCE, "/finance");
        get("/finance/fundraisers/{id}", Access.SIGN_OFF_FINANCE, "/finance" + fr);
        get("/finance/fundraisers/{id}/report.csv", Access.SIGN_OFF_FINANCE, "/finance" + fr + "/report.csv" + period);
        get(
                "/finance/fundraisers/{id}/schedule-a.csv",
                Access.SIGN_OFF_FINANCE,
                "/finance" + fr + "/schedule-a.csv" + period);
        get("/finance/fundraisers/{id}/report.fec", Access.SIGN_OFF_FINANCE, "/finance" + fr + "/report.fec" + period);
        post(
                "/finance/fundraisers/{id}/sign-off",
                Access.SIGN_OFF_FINANCE,
                "/finance" + fr + "/sign-off",
                "from=2020-01-01&to=2020-01-31");
        get("/api/finance/fundraisers/{id}/report", Access.SIGN_OFF_FINANCE, "/api/finance" + fr + "/report");
        get("/api/finance/fundraisers/{id}/report.csv", Access.SIGN_OFF_FINANCE, "/api/finance" + fr + "/report.csv");
        get(
                "/api/finance/fundraisers/{id}/schedule-a.csv",
                Access.SIGN_OFF_FINANCE,
                "/api/finance" + fr + "/schedule-a.csv");
        get("/api/finance/fundraisers/{id}/report.fec", Access.SIGN_OFF_FINANCE, "/api/finance" + fr + "/report.fec");
        post(
                "/api/finance/fundraisers/{id}/sign-off",
                Access.SIGN_OFF_FINANCE,
                "/api/finance" + fr + "/sign-off",
                "{\"from\":\"2020-01-01\",\"to\":\"2020-01-31\"}");
        post(
                "/api/finance/donations/{id}/excess",
                Access.SIGN_OFF_FINANCE,
                "/api/finance/donations/999999/excess",
                "{\"decision\":\"REFUND\"}");
        post(
                "/api/finance/donors/{id}/merge",
                Access.SIGN_OFF_FINANCE,
                "/api/finance/donors/999999/merge",
                "{\"into\":999998}");
        post("/api/finance/reconcile", Access.SIGN_OFF_FINANCE, "/api/finance/reconcile", "{}");
        get("/finance/fundraisers/{id}/committee", Access.SIGN_OFF_FINANCE, "/finance" + fr + "/committee");
        post(
                "/finance/fundraisers/{id}/committee",
                Access.SIGN_OFF_FINANCE,
                "/finance" + fr + "/committee",
                "name=X&fecId=C00000001&treasurer=T&address=A");
        post(
                "/finance/fundraisers/{id}/committee/onboarding",
                Access.SIGN_OFF_FINANCE,
                "/finance" + fr + "/committee/onboarding",
                "");
        post("/finance/fundraisers/{id}/forward", Access.SIGN_OFF_FINANCE, "/finance" + fr + "/forward", "");
        post(
                "/finance/fundraisers/{id}/gifts/{intent}/cancel",
                Access.SIGN_OFF_FINANCE,
                "/finance" + fr + "/gifts/999999/cancel",
                "");
        get("/api/finance/fundraisers/{id}/committee", Access.SIGN_OFF_FINANCE, "/api/finance" + fr + "/committee");
        post(
                "/api/finance/fundraisers/{id}/committee",
                Access.SIGN_OFF_FINANCE,
                "/api/finance" + fr + "/committee",
                "{\"name\":\"X\",\"fecId\":\"C00000001\",\"treasurer\":\"T\",\"address\":\"A\"}");
        post(
                "/api/finance/fundraisers/{id}/committee/onboarding-link",
                Access.SIGN_OFF_FINANCE,
                "/api/finance" + fr + "/committee/onboarding-link",
                "{}");
        post("/api/finance/fundraisers/{id}/forward", Access.SIGN_OFF_FINANCE, "/api/finance" + fr + "/forward", "{}");

        // console accounts
        get("/users", Access.MANAGE_USERS, "/users?role=staff");
        post("/users", Access.MANAGE_USERS, "/users", "username=x&role=staff&password=short&confirm=short");
        post("/users/{id}/disable", Access.MANAGE_USERS, "/users/999999/disable", "");
        post("/users/{id}/enable", Access.MANAGE_USERS, "/users/999999/enable", "");
    }
}
