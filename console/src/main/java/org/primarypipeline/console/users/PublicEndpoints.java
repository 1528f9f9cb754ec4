package org.primarypipeline.console.users;

/**
 * The one list of what is reachable without a console account. Everything else needs a signed-in
 * account, and the service behind each action checks that account's role.
 */
public final class PublicEndpoints {

    private PublicEndpoints() {}

    /**
     * Members', candidates' and providers' own entry points. None uses a console session: each is
     * authorised by what it carries (a ballot or unsubscribe link token, a Twilio signature, the
     * member's own data; a request to join is only a request until its link is followed), so they get no console login and no session CSRF token either. Proxies, pledge
     * signatures and ballots are not here: without a link token they are staff actions on someone's behalf.
     */
    public static final String[] MEMBERS_AND_PROVIDERS = {
        "/api/districts/*/members",
        "/join",
        "/join/confirm/**",
        "/ballot/**",
        "/ballot/*/audit-bundle",
        "/nominate/**",
        "/candidacy/accept/**",
        "/fundraisers/**",
        "/results/**",
        "/events",
        "/events/**",
        "/c/**",
        "/webhooks/**",
        "/unsubscribe/**",
        "/invitation",
        "/invitation/**",
        "/twilio/**",
        "/actuator/health/**",
    };

    /**
     * The members' own pages: a chain of their own ({@link MemberSecurityConfiguration}) whose session is a
     * {@link SignedInMember}'s, opened by a one-time sign-in link. A console account's session is not one,
     * and a member's session reaches nothing else.
     */
    public static final String[] MEMBERS_HOME = {"/me", "/me/**"};

    /** Open inside the members' chain: asking for a sign-in link and following it, or a guest caller's link. */
    public static final String[] MEMBERS_OPEN = {"/me/sign-in", "/me/sign-in/**", "/me/call-link/**"};

    /**
     * Inside the members' chain, open to a member and to a {@link GuestCaller} (a one-time event link's
     * session), which the filter lets count on its own campaign's call page only.
     */
    public static final String[] CALLERS = {"/me/call/*", "/me/call/*/**"};

    /** Open inside the console itself, so that the sign-in page can be shown, styled and can report errors. */
    public static final String[] CONSOLE_OPEN = {
        "/login", "/error", "/console/**", "/webjars/**", "/favicon.ico",
    };
}
