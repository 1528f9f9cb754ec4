package org.primarypipeline.core.district;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class PublicDataTest {

    @Test
    void thePlanOf2026HasAll435DistrictsOnce() {
        List<District> districts = PublicData.districts2026();
        Set<DistrictId> ids = districts.stream().map(District::id).collect(Collectors.toSet());
        assertThat(districts).hasSize(435);
        assertThat(ids).hasSize(435).contains(DistrictId.parse("TX-07"), DistrictId.parse("AK-01"));
        assertThat(districts).allSatisfy(d -> assertThat(d.population()).isGreaterThan(500_000));
    }

    @Test
    void houseMembersSitInKnownDistrictsAndVacanciesHaveNone() {
        List<HouseMember> members = PublicData.houseMembers();
        Set<DistrictId> seats = members.stream().map(HouseMember::district).collect(Collectors.toSet());
        // 431 voting members and 6 delegates; CA-14, FL-20, GA-13 and TX-23 are vacant (June 2026)
        assertThat(members).hasSize(437);
        assertThat(seats).doesNotContain(DistrictId.parse("CA-14"), DistrictId.parse("TX-23"));
        assertThat(seats).contains(DistrictId.parse("DC-01"), DistrictId.parse("WY-01"));
    }
}
