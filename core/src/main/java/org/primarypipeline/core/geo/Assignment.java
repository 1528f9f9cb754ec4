package org.primarypipeline.core.geo;

import java.util.Objects;
import org.primarypipeline.core.district.DistrictId;

/**
 * A supporter's district on one plan, or why there is none. {@code reason} says why an assignment is
 * provisional or missing (for staff and for the message asking the member to confirm); null otherwise.
 */
public record Assignment(DistrictId districtId, AssignmentSource source, boolean provisional, String reason) {

    public Assignment {
        if (districtId == null) {
            Objects.requireNonNull(reason, "an unassigned supporter needs a reason");
            if (source != null || provisional) {
                throw new IllegalArgumentException("an unassigned supporter has no source and is not provisional");
            }
        } else {
            Objects.requireNonNull(source, "source");
        }
    }

    public static Assignment byCoordinates(DistrictId district) {
        return new Assignment(district, AssignmentSource.COORDINATES, false, null);
    }

    public static Assignment byZip(DistrictId district) {
        return new Assignment(district, AssignmentSource.ZIP, false, null);
    }

    public static Assignment provisional(DistrictId district, String reason) {
        return new Assignment(district, AssignmentSource.ZIP_CENTROID_PROVISIONAL, true, reason);
    }

    public static Assignment confirmedByMember(DistrictId district) {
        return new Assignment(district, AssignmentSource.MEMBER_CONFIRMED, false, null);
    }

    public static Assignment byStaff(DistrictId district, String reason) {
        return new Assignment(district, AssignmentSource.STAFF, false, reason);
    }

    public static Assignment unassigned(String reason) {
        return new Assignment(null, null, false, reason);
    }

    public boolean assigned() {
        return districtId != null;
    }
}
