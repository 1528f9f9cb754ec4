package org.primarypipeline.nominations;

/** A confirm or accept link that cannot be used, with a message for the person who followed it. */
public class LinkProblem extends RuntimeException {

    private final NominationLinks.State state;

    public LinkProblem(NominationLinks.State state) {
        super(
                switch (state) {
                    case USED ->
                        "This link has already been used. Each link works once; if you did not use it, write to us.";
                    case EXPIRED ->
                        "This link has expired. Ask for a new one by nominating again, or wait for our reminder.";
                    default -> "This link is not valid. Check that you copied the whole address from the email.";
                });
        this.state = state;
    }

    public NominationLinks.State state() {
        return state;
    }
}
