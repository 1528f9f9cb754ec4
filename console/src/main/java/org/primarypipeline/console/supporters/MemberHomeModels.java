package org.primarypipeline.console.supporters;

import java.util.List;
import org.primarypipeline.console.campaigns.MemberSharing;
import org.primarypipeline.console.web.PublicPage;

/** The member's home page and its confirmation page (templates {@code public/members/home}, {@code leave}). */
final class MemberHomeModels {

    private MemberHomeModels() {}

    /**
     * Everything on the page. {@code notice} is the sentence after a change ("saved"); the forms keep what
     * was typed and carry one sentence per refused field.
     */
    record Home(
            String title,
            String formKey,
            String fullName,
            String notice,
            GroupBox group,
            List<RoundBox> rounds,
            boolean noRounds,
            String invitedBy,
            List<InviteRow> invitations,
            Contact contact,
            boolean spanish,
            Address address,
            MemberSharing.Box sharing,
            Privacy privacy)
            implements PublicPage {
        public boolean hasInvitations() {
            return !invitations.isEmpty();
        }
    }

    /** The member's group: null on the page when they are in none. */
    record GroupBox(String districtId, String joined, int size, String organizers) {}

    /** One round and what the member can do in it now (each null/false when it does not apply). */
    record RoundBox(
            String cycleId,
            String stage,
            String started,
            String deadline,
            String nominateUrl,
            boolean canVote,
            String ballotAddress,
            String checkUrl,
            String resultUrl) {}

    record InviteRow(String name, String status, String sent) {}

    /** The contact form: what is stored (or was typed), consent per channel, a sentence per refused field. */
    record Contact(String email, String phone, boolean emailOk, boolean smsOk, String emailError, String phoneError) {}

    /** The address form; {@code choices} when a split ZIP's district is to be picked. */
    record Address(
            String street, String zip, String streetError, String zipError, List<Choice> choices, String districtId) {
        public boolean hasChoices() {
            return choices != null && !choices.isEmpty();
        }
    }

    record Choice(String districtId, String id) {}

    /**
     * Who may find me by name in my group (one of the three true) and whether the people I name as
     * proxies see my name; {@code error} a sentence beside the choice when it was refused.
     */
    record Privacy(boolean group, boolean connected, boolean nobody, boolean nameShown, String error) {}

    /** The step that asks before leaving the group. */
    record Leave(String title, String formKey, String districtId) implements PublicPage {}
}
