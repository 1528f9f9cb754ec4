package org.primarypipeline.console.cli;

import java.math.BigDecimal;
import java.util.List;

/**
 * The JSON the command line sends to the API, one record per request. The component names are the
 * API's field names (its request records in the console's stage packages); they are spelled out here
 * again because the client's classpath holds only this package, picocli and Jackson. Absent options go
 * as JSON null, which the API reads as "not given".
 */
final class RequestBodies {

    private RequestBodies() {}

    /** {@code POST /api/cycles}. */
    record Launch(
            String district,
            String vettingPeriod,
            String nominationPeriod,
            String votingPeriod,
            String policy,
            String method,
            BigDecimal quorum,
            BigDecimal recountMargin) {}

    /** {@code POST /api/cycles/ID/review}; the checklist holds the items ticked now. */
    record Review(long candidacyId, String verdict, String reason, Checklist checklist) {}

    record Checklist(boolean referencesContacted, boolean publicRecordChecked, boolean fecFilingsLookedUp) {}

    /** {@code POST /api/cycles/ID/extend}, {@code .../close} and {@code .../cancel}. */
    record Action(String reason, String extension) {}

    /** {@code POST /api/cycles/ID/withdraw}. */
    record Withdraw(long candidacyId) {}

    /** {@code POST /api/districts/DISTRICT/members}. */
    record Join(String fullName, String email, String phone, String zip) {}

    /** One proxy's whole units of a member's ten. */
    record Share(long proxyMemberId, int units) {}

    /** {@code POST /api/cycles/ID/nominations}; the eligibility answers are optional. */
    record Nomination(
            String nomineeName,
            String nomineeEmail,
            String nomineePhone,
            String dateOfBirth,
            String citizenYears,
            String inhabitant) {}

    /** {@code POST /api/cycles/ID/candidacies/ID/pledge}. */
    record Signature(String typedName) {}

    /**
     * {@code POST /api/cycles/ID/assisted-ballots}: a ranking (candidacy ids, most preferred first),
     * proxies, or both; proxyScope cycle or standing.
     */
    record Assisted(long memberId, List<Long> ranking, List<Share> proxies, String proxyScope, String note) {}
}
