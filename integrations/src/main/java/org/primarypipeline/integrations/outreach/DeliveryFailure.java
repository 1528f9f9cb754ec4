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

    /** The message of a throwable, named by its type when it has none; stored as the row's error. */
    public static String describe(Throwable failure) {
        String message = failure.getMessage();
        String type = failure.getClass().getSimpleName();
        return message == null || message.isBlank() ? type : type + ": " + message;
    }
}
