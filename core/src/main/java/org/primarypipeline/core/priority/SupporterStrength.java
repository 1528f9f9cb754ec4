package org.primarypipeline.core.priority;

/** Our own people in a district, counted from the database by the caller. */
public record SupporterStrength(long supporters, long groupMembers) {

    public static final SupporterStrength NONE = new SupporterStrength(0, 0);

    public SupporterStrength {
        if (supporters < 0 || groupMembers < 0) {
            throw new IllegalArgumentException("counts cannot be negative");
        }
    }

    public boolean isNone() {
        return supporters == 0 && groupMembers == 0;
    }
}
