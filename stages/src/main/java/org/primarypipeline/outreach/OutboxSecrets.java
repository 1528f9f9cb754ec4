package org.primarypipeline.outreach;

/**
 * SQL for dropping the model entries a message marked secret ({@link OutboundMessage#withSecrets}):
 * a row that will never be sent (dead, suppressed) must not keep a usable single-use link any more than
 * a sent one. What was dropped is named under {@link #SCRUBBED}, so a dead letter that lost its link is
 * not sent again without it.
 */
public final class OutboxSecrets {

    /** The model entry naming the secret entries that were dropped from a row that was never sent. */
    public static final String SCRUBBED = "_scrubbed";

    private OutboxSecrets() {}

    /** The model in {@code column} without its secrets, and with {@code _scrubbed} naming them when there were any. */
    public static String scrubbed(String column) {
        String secrets = "coalesce(" + column + " -> '_secrets', '[]'::jsonb)";
        return "((" + column + " - array(select jsonb_array_elements_text(" + secrets + "))) - '_secrets'"
                + " || case when jsonb_array_length(" + secrets + ") > 0"
                + " then jsonb_build_object('" + SCRUBBED + "', " + secrets + ") else '{}'::jsonb end)";
    }
}
