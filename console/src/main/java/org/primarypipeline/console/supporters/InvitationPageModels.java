package org.primarypipeline.console.supporters;

import org.primarypipeline.console.web.PublicPage;
import org.primarypipeline.templates.MessageTexts;

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

        /** The flow rule in the words every round message uses; an invitation belongs to no round, and
         *  groups vote Smartocratically unless a round is launched with the liquid policy. */
        public String flowRule() {
            return MessageTexts.flowRule("en", false);
        }
    }

    record Accepted(boolean proxyCreated, boolean proxyRefused) implements PublicPage {
        @Override
        public String title() {
            return "Welcome";
        }

        /** The flow rule in the words every round message uses; an invitation belongs to no round, and
         *  groups vote Smartocratically unless a round is launched with the liquid policy. */
        public String flowRule() {
            return MessageTexts.flowRule("en", false);
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
