package org.primarypipeline.outreach;

/** How a message reaches its recipient. */
public enum Channel {
    EMAIL,
    SMS
}
