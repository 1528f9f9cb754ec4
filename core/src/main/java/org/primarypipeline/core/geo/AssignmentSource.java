package org.primarypipeline.core.geo;

/** Where a supporter's district came from, in the order the precedence tries them. */
public enum AssignmentSource {
    /** The supporter's own coordinates, point-in-polygon on the plan's lines. */
    COORDINATES,
    /** The ZIP lies in one district of the plan. */
    ZIP,
    /** The ZIP spans several districts (or the lines changed since the crosswalk): the district of its centroid, to confirm. */
    ZIP_CENTROID_PROVISIONAL,
    /** The member told us; wins over anything computed on the same plan. */
    MEMBER_CONFIRMED,
    /** Staff set it; wins over anything computed on the same plan. */
    STAFF,
    /**
     * A member with no address on file kept the district id they had on the previous plan; provisional
     * until they confirm, since the same number may cover different ground on the new lines.
     */
    CARRIED_OVER;

    /** Sources a re-assignment on the same plan never overwrites. */
    public boolean isDecidedByPerson() {
        return this == MEMBER_CONFIRMED || this == STAFF;
    }
}
