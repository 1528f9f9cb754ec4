package org.primarypipeline.contacts;

import java.util.List;

/** A person a campaign may reach: from a voter file or any list; not a member, never a voter in our rounds. */
public record Contact(
        long id,
        String cycleId,
        String fullName,
        String phone,
        String email,
        String street,
        String city,
        String state,
        String zip,
        String districtId,
        String precinct,
        String party,
        Integer age,
        List<String> tags) {

    public String firstName() {
        int space = fullName.indexOf(' ');
        return space < 0 ? fullName : fullName.substring(0, space);
    }
}
