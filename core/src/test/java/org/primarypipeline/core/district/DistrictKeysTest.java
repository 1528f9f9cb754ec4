package org.primarypipeline.core.district;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DistrictKeysTest {

    @ParameterizedTest(name = "{0} / {1} -> {2}")
    @CsvSource({
        // zccd.csv: postal state, integer district, 0 at-large
        "TX, 7, TX-07",
        "AK, 0, AK-01",
        "DC, 0, DC-01",
        // Census boundaries: FIPS state, zero-padded district, 00 at-large, 98 DC
        "48, 07, TX-07",
        "02, 00, AK-01",
        "11, 98, DC-01",
        "6, 12, CA-12",
        // legislators-current.csv and MEDSL: postal state, district, 0 at-large
        "WY, 0, WY-01",
        "NY, 14, NY-14",
        // FEC weball: postal state, 00 at-large
        "VT, 00, VT-01",
        "CA, 52, CA-52",
    })
    void stateAndDistrictFields(String state, String district, String expected) {
        assertThat(DistrictKeys.of(state, district)).hasToString(expected);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        // 2026 topojson and demographics: XX-01 at-large
        "TX-07, TX-07",
        "AK-01, AK-01",
        // The Downballot: XX-AL at-large
        "AK-AL, AK-01",
        "ND-AL, ND-01",
        "tx-7, TX-07",
        "TX 07, TX-07",
        "TX07, TX-07",
    })
    void combinedKeys(String key, String expected) {
        assertThat(DistrictKeys.fromCombined(key)).hasToString(expected);
        assertThat(DistrictId.parse(key)).isEqualTo(DistrictKeys.fromCombined(expected));
    }

    @Test
    void refusesWhatIsNotADistrict() {
        assertThatThrownBy(() -> DistrictKeys.fromCombined("ZZ-01")).hasMessageContaining("unknown state");
        assertThatThrownBy(() -> DistrictKeys.of("99", "1")).hasMessageContaining("FIPS");
        assertThatThrownBy(() -> DistrictKeys.fromCombined("TX-seven")).hasMessageContaining("not a district number");
        assertThatThrownBy(() -> DistrictKeys.fromCombined("Texas")).hasMessageContaining("unknown state");
    }
}
