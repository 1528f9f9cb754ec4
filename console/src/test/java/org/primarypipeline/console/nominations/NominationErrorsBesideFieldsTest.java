package org.primarypipeline.console.nominations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.primarypipeline.console.nominations.NominationPageModels.NominationFields;
import org.primarypipeline.console.web.PublicPageView;
import org.primarypipeline.core.cycle.CycleStage;
import org.primarypipeline.core.cycle.CycleStatus;
import org.primarypipeline.cycles.CycleRecord;
import org.primarypipeline.nominations.NominationForm;
import org.primarypipeline.nominations.RefusedField;

/** A refused nomination says its sentence beside the field it is about, not in a box above the form. */
class NominationErrorsBesideFieldsTest {

    private static final CycleRecord CYCLE = new CycleRecord(
            "ME-01-1",
            null,
            "ME-01",
            1,
            CycleStatus.RUNNING,
            CycleStage.NOMINATION_WINDOW,
            null,
            0,
            null,
            null,
            "test",
            Instant.EPOCH);

    @Test
    void aBadNomineeEmailIsSaidBesideTheNomineeEmail() {
        NominationForm form = new NominationForm(
                false, "Ana Ortiz", "ana(at)example", null, "Bo Lind", "bo@example.org", "She listens.", "");
        RefusedField refused = catchThrowableOfType(form::validate, RefusedField.class);
        assertThat(refused.field()).isEqualTo("nomineeEmail");

        NominationFields typed =
                new NominationFields("Ana Ortiz", "ana(at)example", null, "She listens.", "Bo Lind", "bo@example.org");
        String page =
                PublicPageView.html("nominations/nominate", NominationPages.nominate(CYCLE, typed, false, refused));
        assertThat(page).contains("""
                name="nomineeEmail" value="ana(at)example" maxlength="254"></label>
                <p class="field-error" role="alert">The nominee&#39;s email is not an address we can write to;\
                 write it like name@example.org.</p>""").doesNotContain("box problem");
    }

    @Test
    void aRefusalAboutNoOneFieldIsSaidAboveTheForm() {
        NominationFields typed = new NominationFields(null, null, null, null, null, null);
        String page = PublicPageView.html(
                "nominations/nominate",
                NominationPages.nominate(
                        CYCLE, typed, true, new IllegalStateException("nominations in ME-01-1 closed")));
        assertThat(page)
                .contains("<div class=\"box problem\" role=\"alert\"><p>Nominations in ME-01-1 closed.</p></div>")
                .doesNotContain("<p class=\"field-error\"");
    }
}
