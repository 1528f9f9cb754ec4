package org.primarypipeline.console.supporters;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.primarypipeline.console.audit.AuditEntry.Outcome;
import org.primarypipeline.console.audit.AuditLog;
import org.primarypipeline.core.supporter.EmailAddresses;
import org.primarypipeline.core.supporter.InvalidField;
import org.primarypipeline.core.supporter.PhoneNumbers;
import org.primarypipeline.core.supporter.ZipCodes;
import org.primarypipeline.nominations.PlainText;
import org.primarypipeline.outreach.Channel;
import org.primarypipeline.outreach.ConsentRegistry;
import org.primarypipeline.supporters.JoinForm;
import org.primarypipeline.supporters.MemberProfiles;
import org.primarypipeline.supporters.RefusedFields;
import org.primarypipeline.supporters.ZipLocator;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Everything a signed-in member changes about themselves on their home page: contact details and consent
 * per channel, language, address (a move when it puts them in another district), leaving their group.
 * The one door for these changes: each checks its input (every wrong field at once, by name, as
 * {@link RefusedFields}), makes the change and writes the audit entry with the state before and after.
 * The member acts on no one but themselves: the id comes from their session, never from the form.
 */
@Service
public class ChangeMyMembership {

    /** A new address: moved (or stayed) in {@code district}, or a split ZIP whose district the member picks. */
    public record AddressResult(String before, String district, List<String> choices) {
        public boolean needsChoice() {
            return district == null;
        }
    }

    private final MemberProfiles profiles;
    private final ConsentRegistry consent;
    private final ZipLocator locator;
    private final MemberHomeReadModel reads;
    private final AuditLog audit;

    public ChangeMyMembership(
            MemberProfiles profiles,
            ConsentRegistry consent,
            ZipLocator locator,
            MemberHomeReadModel reads,
            AuditLog audit) {
        this.profiles = profiles;
        this.consent = consent;
        this.locator = locator;
        this.reads = reads;
        this.audit = audit;
    }

    /** Email and phone, and whether each may carry the group's messages (the one consent record). */
    @Transactional
    public void contact(long memberId, String email, String phone, boolean emailOk, boolean smsOk) {
        Map<String, String> problems = new LinkedHashMap<>();
        String mail = null;
        String tel = null;
        try {
            mail = email != null && email.length() > JoinForm.MAX_EMAIL
                    ? fail("too long")
                    : EmailAddresses.normalize(email);
        } catch (InvalidField e) {
            problems.put("email", "the email is not a valid address: " + e.getMessage());
        }
        try {
            tel = phone != null && phone.length() > JoinForm.MAX_PHONE ? fail("too long") : PhoneNumbers.toE164(phone);
        } catch (InvalidField e) {
            problems.put("phone", "the phone is not a US number we can text: " + e.getMessage());
        }
        if (problems.isEmpty() && mail == null && tel == null) {
            problems.put("email", "an email or a phone number is needed: sign-in links and ballots go there");
        }
        if (problems.isEmpty() && mail == null && !smsOk) {
            // an SMS opt-out stops every text, ballots too: with no email the member would be unreachable
            problems.put("phone", "with only a phone number we can reach you by text alone");
        }
        if (problems.isEmpty() && profiles.takenByAnother(memberId, mail, tel)) {
            problems.put(mail != null ? "email" : "phone", "another member has this address");
        }
        if (!problems.isEmpty()) {
            throw new RefusedFields(problems);
        }
        MemberHomeReadModel.Me before = reads.me(memberId).orElseThrow();
        profiles.contact(memberId, mail, tel);
        String evidence = "member " + memberId + " on their home page";
        consentFor(Channel.EMAIL, mail, emailOk, before.email(), evidence);
        consentFor(Channel.SMS, tel, smsOk, before.phone(), evidence);
        record(
                memberId,
                "member.contact.changed",
                "contact details and consent changed",
                Map.of("emailGiven", before.email() != null, "phoneGiven", before.phone() != null),
                Map.of("emailOk", emailOk, "smsOk", smsOk));
    }

    /**
     * A "no" is recorded for any address; a "yes" only for the address the member already had: a new
     * one is not proven theirs, and ticking a box must not undo a STOP its owner sent.
     */
    private void consentFor(Channel channel, String address, boolean ok, String before, String evidence) {
        if (address == null) {
            return;
        }
        if (!ok) {
            consent.optOut(channel, address, "member-home", evidence);
        } else if (address.equalsIgnoreCase(before == null ? "" : before)) {
            consent.optIn(channel, address, "member-home", evidence);
        }
    }

    @Transactional
    public void language(long memberId, String tag) {
        String locale = "es".equalsIgnoreCase(tag == null ? "" : tag.strip()) ? "es" : "en";
        String before = reads.me(memberId).orElseThrow().locale();
        profiles.locale(memberId, locale);
        record(
                memberId,
                "member.language.changed",
                "reads " + locale,
                Map.of("locale", before),
                Map.of("locale", locale));
    }

    /**
     * A new street and ZIP. The ZIP's district (or the one the member picks among a split ZIP's) becomes
     * theirs, confirmed by them; a member of another district's group moves. Refused by field name.
     */
    @Transactional
    public AddressResult address(long memberId, String street, String zip, String picked) {
        Map<String, String> problems = new LinkedHashMap<>();
        String road = null;
        try {
            road = PlainText.field(street, "the street address", JoinForm.MAX_STREET, false);
        } catch (IllegalArgumentException e) {
            problems.put("street", e.getMessage());
        }
        String zipCode = null;
        try {
            zipCode = zip != null && zip.length() > JoinForm.MAX_ZIP ? fail("too long") : ZipCodes.normalize(zip);
        } catch (InvalidField e) {
            problems.put("zip", "the ZIP is not a ZIP code: write five digits, like 05401");
        }
        if (zipCode == null && !problems.containsKey("zip")) {
            problems.put("zip", "the ZIP is needed: it tells us your district");
        }
        List<String> choices = zipCode == null ? List.of() : locator.districts(zipCode);
        if (zipCode != null && choices.isEmpty()) {
            problems.put("zip", "we cannot place ZIP " + zipCode + " in a district");
        }
        if (!problems.isEmpty()) {
            throw new RefusedFields(problems);
        }
        String district = choices.size() == 1 ? choices.get(0) : null;
        if (district == null && picked != null && choices.contains(picked)) {
            district = picked;
        }
        if (district == null) {
            return new AddressResult(null, null, choices);
        }
        String before = profiles.openDistrict(memberId).orElse(null);
        profiles.address(memberId, road, zipCode, district);
        String after = profiles.openDistrict(memberId).orElse(null);
        record(
                memberId,
                before != null && after != null && !before.equals(after) ? "member.moved" : "member.address.changed",
                before != null && after != null && !before.equals(after)
                        ? "moved from " + before + " to " + after + " (new address)"
                        : "address changed; district " + district,
                before == null ? Map.of() : Map.of("group", before),
                after == null ? Map.of("district", district) : Map.of("group", after));
        return new AddressResult(before, district, choices);
    }

    /** Leaves the group (after the member confirmed on the page that asks). */
    @Transactional
    public String leave(long memberId) {
        String left = profiles.leave(memberId).orElse(null);
        if (left != null) {
            record(memberId, "member.left", "left the " + left + " group", Map.of("group", left), Map.of());
        }
        return left;
    }

    private void record(long memberId, String action, String detail, Object before, Object after) {
        audit.record(
                "member " + memberId, "MEMBER", action, Long.toString(memberId), Outcome.DONE, detail, before, after);
    }

    private static String fail(String why) {
        throw new InvalidField(why);
    }
}
