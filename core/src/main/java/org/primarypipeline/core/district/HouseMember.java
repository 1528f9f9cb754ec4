package org.primarypipeline.core.district;

import java.util.List;

/** A sitting member of the House, as the congress-legislators project lists them. */
public record HouseMember(
        String bioguideId,
        DistrictId district,
        String fullName,
        String party,
        List<String> fecIds,
        String phone,
        String url) {

    public boolean isDemocrat() {
        return "Democrat".equalsIgnoreCase(party);
    }
}
