package org.primarypipeline.activities.outbox;

/** How a message reaches its recipient. */
public enum Channel {
    EMAIL,
    SMS
}
