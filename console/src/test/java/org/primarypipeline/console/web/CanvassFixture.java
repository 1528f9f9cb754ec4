package org.primarypipeline.console.web;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Contacts with a street address and coordinates, for the canvassing tests. */
final class CanvassFixture {

    private CanvassFixture() {}

    static long household(
            JdbcClient jdbc, String cycle, String district, String name, String street, double lat, double lon) {
        return jdbc.sql("""
                        insert into contact (cycle_id, full_name, street, city, state, zip, latitude, longitude, district_id)
                        values (?, ?, ?, 'Davenport', 'IA', '52803', ?, ?, ?) returning id""")
                .params(cycle, name, street, lat, lon, district)
                .query(Long.class)
                .single();
    }
}
