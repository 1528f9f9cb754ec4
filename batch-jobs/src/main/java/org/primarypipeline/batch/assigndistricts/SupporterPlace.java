package org.primarypipeline.batch.assigndistricts;

import org.primarypipeline.core.geo.AssignmentSource;

/**
 * What re-assignment reads of a supporter: where they are (coordinates, ZIP) and the district they have now.
 *
 * @param latitude       NaN when the supporter gave no coordinates
 * @param zip            -1 when none
 * @param district       their district now (on {@code planId}), or the group they joined on the web
 */
public record SupporterPlace(
        long memberId,
        double latitude,
        double longitude,
        int zip,
        String planId,
        String district,
        AssignmentSource source) {

    boolean hasAddress() {
        return !Double.isNaN(latitude) || zip >= 0;
    }
}
