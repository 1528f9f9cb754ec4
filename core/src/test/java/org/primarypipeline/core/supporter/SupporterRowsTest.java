package org.primarypipeline.core.supporter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringWriter;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/** Normalisers and row validation, on the spellings real lists contain. */
class SupporterRowsTest {

    @Test
    void emailsAreLowerCasedAndObviousTyposRejected() {
        assertThat(EmailAddresses.normalize("  Ana.Ortiz@Example.ORG ")).isEqualTo("ana.ortiz@example.org");
        assertThat(EmailAddresses.normalize("mailto:x@y.io")).isEqualTo("x@y.io");
        assertThat(EmailAddresses.normalize(" ")).isNull();
        for (String bad : List.of(
                "ana@gmail",
                "ana.gmail.com",
                "ana@@x.org",
                "ana @x.org",
                "@x.org",
                "a@x..org",
                "a@.org",
                "a[1]@x.org",
                "a:b@x.org",
                "a\\b@x.org",
                ".ana@x.org",
                "ana.@x.org",
                "ana@-x.org",
                "ana@x_y.org")) {
            assertThatThrownBy(() -> EmailAddresses.normalize(bad)).as(bad).isInstanceOf(InvalidField.class);
            assertThat(EmailAddresses.isAddress(bad)).as(bad).isFalse();
        }
        assertThat(EmailAddresses.normalize("o'neil+pp@mail-1.example.org")).isEqualTo("o'neil+pp@mail-1.example.org");
        assertThat(EmailAddresses.isAddress("Bo@Example.org")).isTrue();
        assertThat(EmailAddresses.isAddress(" ")).isFalse();
    }

    @Test
    void phonesBecomeE164WithUsAsTheDefault() {
        assertThat(PhoneNumbers.toE164("(512) 555-0100")).isEqualTo("+15125550100");
        assertThat(PhoneNumbers.toE164("512.555.0100")).isEqualTo("+15125550100");
        assertThat(PhoneNumbers.toE164("1-512-555-0100")).isEqualTo("+15125550100");
        assertThat(PhoneNumbers.toE164("+1 512 555 0100")).isEqualTo("+15125550100");
        assertThat(PhoneNumbers.toE164("512-555-0100 ext. 12")).isEqualTo("+15125550100");
        assertThat(PhoneNumbers.toE164("+44 20 7946 0958")).isEqualTo("+442079460958");
        assertThat(PhoneNumbers.toE164("")).isNull();
        for (String bad : List.of(
                "555-0100",
                "(112) 555-0100",
                "(512) 155-0100",
                "(999) 555-0100",
                "call me",
                "+44 12",
                "12345678901234567")) {
            assertThatThrownBy(() -> PhoneNumbers.toE164(bad)).as(bad).isInstanceOf(InvalidField.class);
        }
    }

    @Test
    void zipsAndStatesAreNormalised() {
        assertThat(ZipCodes.normalize("78701-1234")).isEqualTo("78701");
        assertThat(ZipCodes.normalize("2134")).isEqualTo("02134");
        assertThat(ZipCodes.normalize("787011234")).isEqualTo("78701");
        assertThat(ZipCodes.normalize("  ")).isNull();
        for (String bad : List.of("1234567", "78701-12", "TX 78701", "ABCDE")) {
            assertThatThrownBy(() -> ZipCodes.normalize(bad)).as(bad).isInstanceOf(InvalidField.class);
        }
        assertThat(StateNames.toPostal("tx")).isEqualTo("TX");
        assertThat(StateNames.toPostal("Texas")).isEqualTo("TX");
        assertThat(StateNames.toPostal("48")).isEqualTo("TX");
        assertThat(StateNames.toPostal("district of columbia")).isEqualTo("DC");
        assertThatThrownBy(() -> StateNames.toPostal("XX")).isInstanceOf(InvalidField.class);
    }

    @Test
    void rowsMapHeadersByCommonNamesAndRejectWithAReason() {
        SupporterColumns columns = SupporterColumns.fromHeader(
                List.of("First Name", "Last Name", "E-mail", "Mobile", "Zip Code", "Lat", "Lng", "can_text"));
        SupporterRows rows = new SupporterRows(columns, "file.csv");
        SupporterRecord r = rows.parse(
                2, new String[] {"Ana", "Ortiz", "ANA@X.ORG", "512 555 0100", "78701", "30.27", "-97.74", "no"});
        assertThat(r.fullName()).isEqualTo("Ana Ortiz");
        assertThat(r.email()).isEqualTo("ana@x.org");
        assertThat(r.phone()).isEqualTo("+15125550100");
        assertThat(r.zipNumber()).isEqualTo(78701);
        assertThat(r.hasCoordinates()).isTrue();
        assertThat(r.source()).isEqualTo("file.csv");
        assertThat(r.smsConsent()).isEqualTo(ConsentFlag.NO);
        assertThat(r.emailConsent()).isEqualTo(ConsentFlag.UNKNOWN);
        assertThat(r.joined()).isNull();

        assertThatThrownBy(() -> rows.parse(3, new String[] {"", "", "a@x.org", "", "", "", "", ""}))
                .hasMessage("name is missing");
        assertThatThrownBy(() -> rows.parse(4, new String[] {"Ana", "", "", "", "78701", "", "", ""}))
                .hasMessage("no email or phone");
        assertThatThrownBy(() -> rows.parse(5, new String[] {"Ana", "", "a@x.org", "", "", "30.2", "", ""}))
                .hasMessageContaining("one is missing");
        assertThatThrownBy(() -> rows.parse(6, new String[] {"Ana", "", "a@x.org", "", "", "130", "-97", ""}))
                .hasMessageContaining("out of range");
        assertThatThrownBy(() -> rows.parse(7, new String[] {"Ana", "", "a@x.org"}))
                .hasMessage("has 3 fields, the header 8");
        // PostgreSQL stores no NUL in text: found by the fuzz pass, where one failed the whole import
        assertThatThrownBy(() -> rows.parse(8, new String[] {"Ana\u0000", "", "a@x.org", "", "", "", "", ""}))
                .hasMessageContaining("NUL character");
        assertThatThrownBy(() -> rows.parse(9, new String[] {"Ana", "", "a@x.org", "", "", "3\u00000", "1", ""}))
                .hasMessageContaining("NUL character");
        assertThatThrownBy(() -> SupporterColumns.fromHeader(List.of("zip", "city")))
                .hasMessageContaining("no name column");
    }

    @Test
    void theGeneratedListParsesWithTheFaultsItPromises() throws Exception {
        StringWriter out = new StringWriter();
        new SupporterCsvGenerator(7, 0.2).write(out, 5_000);
        List<CSVRecord> records = CSVFormat.DEFAULT
                .parse(new java.io.StringReader(out.toString()))
                .getRecords();
        SupporterColumns columns = SupporterColumns.fromHeader(records.get(0).toList());
        SupporterRows rows = new SupporterRows(columns, null);
        int rejected = 0;
        int withPoint = 0;
        for (int i = 1; i < records.size(); i++) {
            try {
                if (rows.parse(i + 1, records.get(i).values()).hasCoordinates()) {
                    withPoint++;
                }
            } catch (InvalidField e) {
                rejected++;
            }
        }
        assertThat(records).hasSize(5_001);
        assertThat(rejected).isEqualTo(50);
        assertThat(withPoint).isBetween(2_300, 2_700);
    }
}
