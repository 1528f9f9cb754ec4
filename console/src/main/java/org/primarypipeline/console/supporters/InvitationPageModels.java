package org.primarypipeline.console.supporters;

import org.primarypipeline.console.web.PublicPage;

/** What each invitation page shows (templates under {@code console/pages/public/supporters/}). */
final class InvitationPageModels {

    private InvitationPageModels() {}

    record EnterCode() implements PublicPage {
        @Override
        public String title() {
            return "Your invitation";
        }
    }

    /** Who invites the invitee and what they offer; the form carries the code as the only authority. */
    record Offer(String token, String inviterName, String inviterDistrict, String inviteeName, boolean offersProxy)
            implements PublicPage {
        @Override
        public String title() {
            return "Join your district group";
        }
    }

    record Accepted(boolean proxyCreated, boolean proxyRefused) implements PublicPage {
        @Override
        public String title() {
            return "Welcome";
        }
    }

    record Declined() implements PublicPage {
        @Override
        public String title() {
            return "Invitation declined";
        }
    }

    record Problem(String message) implements PublicPage {
        @Override
        public String title() {
            return "Invitation";
        }
    }
}
