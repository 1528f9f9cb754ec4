package org.primarypipeline.core.priority;

import java.util.List;
import java.util.Objects;
import org.primarypipeline.core.district.DistrictId;

/**
 * Everything public we know about one district before one election, on that election's lines.
 * Missing inputs are null or empty and always come with a label in {@link #gaps()}, so that a
 * missing figure is never mistaken for a zero.
 *
 * @param presidential  presidential results on these lines, most recent first (may be empty)
 * @param lastHouse     the previous House general election of this seat, or null when there is
 *                      none at all; {@link HouseResult#onSameLines()} tells whether it was fought
 *                      on these lines
 * @param member        the sitting member, or null when the seat is vacant
 * @param holderParty   the party holding the seat (for a vacancy: the party that last won it), or
 *                      null when nothing says
 * @param openSeatBasis why the seat is open (vacancy, retirement seen in FEC filings, ballot), or
 *                      null when the sitting member is expected to run
 * @param raceMoney     FEC totals of the district's House races, per cycle (may be empty)
 * @param demographics  census figures on these lines, or null
 * @param gaps          labels of the data that is missing or stands in for something else
 */
public record DistrictFacts(
        DistrictId district,
        int electionYear,
        boolean redrawn,
        List<PresidentialResult> presidential,
        HouseResult lastHouse,
        SittingMember member,
        Party holderParty,
        String openSeatBasis,
        List<RaceMoney> raceMoney,
        Demographics demographics,
        List<String> gaps) {

    public DistrictFacts {
        Objects.requireNonNull(district, "district");
        presidential = List.copyOf(presidential);
        raceMoney = List.copyOf(raceMoney);
        gaps = List.copyOf(gaps);
    }

    public boolean isVacant() {
        return member == null;
    }

    public boolean isOpenSeat() {
        return openSeatBasis != null;
    }
}
