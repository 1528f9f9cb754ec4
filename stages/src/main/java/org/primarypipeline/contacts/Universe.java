package org.primarypipeline.contacts;

import java.util.List;

/**
 * A saved filter over a campaign's contacts; a null or empty field means "any". Always left out: anyone whose
 * phone opted out of texts (an SMS STOP, on any campaign, suppresses every channel) and, for calls, anyone
 * whose phone is on the do-not-call list.
 *
 * @param notContactedDays null: whenever; else no attempt on any channel in that many days
 */
public record Universe(
        long id,
        String cycleId,
        String name,
        String districtId,
        String precinct,
        List<String> tags,
        Integer notContactedDays,
        Channel channel) {

    /** The channel the universe is for: it decides who can be reached (a phone, a street address). */
    public enum Channel {
        PHONE,
        SMS,
        DOOR
    }
}
