package org.primarypipeline.integrations.outreach;

/**
 * Why a send failed, and whether trying again can help. Permanent failures (the address does not
 * exist, the template is broken, the number opted out at the carrier) go straight to the dead letters.
 */
public record DeliveryFailure(boolean permanent, String reason) {

    public static DeliveryFailure permanent(String reason) {
        return new DeliveryFailure(true, reason);
    }

    public static DeliveryFailure transientFailure(String reason) {
        return new DeliveryFailure(false, reason);
    }

    /**
     * The message of a throwable, named by its type when it has none, with its root cause when that is
     * another one ("Could not connect" says little; "PKIX path building failed" says what to fix).
     * Stored as the row's error.
     */
    public static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == failure ? one(failure) : one(failure) + "; caused by " + one(root);
    }

    private static String one(Throwable failure) {
        String message = failure.getMessage();
        String type = failure.getClass().getSimpleName();
        return message == null || message.isBlank() ? type : type + ": " + message;
    }
}
