package org.primarypipeline.fundraising;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.primarypipeline.cycles.CycleRepository;
import org.primarypipeline.testing.ActivitiesContext;
import org.primarypipeline.testing.Fundraising;
import org.primarypipeline.testing.StripeStub;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FundraiserLaunchTest {

    private ActivitiesContext context;
    private StripeStub stripe;
    private Fundraising fx;

    @BeforeAll
    void start() {
        context = Fundraising.sharedContext();
        stripe = new StripeStub().products("prod_TX07", true);
        fx = new Fundraising(context, stripe, Fundraising.clockAt("2026-03-02T15:00:00Z"));
    }

    @AfterAll
    void stop() {
        stripe.close();
    }

    @Test
    void aLaunchThatStripeInterruptsIsRetriedAndCreatesEachThingOnce() {
        Object[] cycle = fx.certifiedCycle("TX-07", "Ana Ortiz", "ana@example.org", 3);
        String cycleId = (String) cycle[0];
        long candidacy = (Long) cycle[1];

        // Stripe is down: the activity fails after recording the fundraiser, with payments still off
        assertThatThrownBy(() -> fx.activities.launch(cycleId, candidacy))
                .isInstanceOf(StripeGateway.StripeUnavailableException.class);
        assertThat(row(cycleId, "payments")).isEqualTo("OFF");
        assertThat(row(cycleId, "stripe_product_id")).isNull();

        // Temporal's retries, one after Stripe is back and one more as a duplicate delivery would be
        long id = fx.activities.launch(cycleId, candidacy);
        assertThat(fx.activities.launch(cycleId, candidacy)).isEqualTo(id);

        assertThat(row(cycleId, "stripe_product_id")).isEqualTo("prod_TX07");
        assertThat(row(cycleId, "payments")).isEqualTo("ON");
        assertThat(context.jdbc()
                        .sql("select count(*) from fundraiser where cycle_id = ?")
                        .param(cycleId)
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
        // both attempts to create the product carried the same key; the third launch did not call Stripe
        assertThat(stripe.posts("/v1/products")).hasSize(2);
        assertThat(stripe.postsWithKey("/v1/products", "pp-fundraiser-" + id + "-product"))
                .hasSize(2);
        assertThat(stripe.posts("/v1/products").get(1).getBodyAsString())
                .contains("metadata[pp_fundraiser_id]=" + id)
                .contains("name=Elect+Ana+Ortiz+%28TX-07%29");

        // the district group's three members and the candidate are told once each
        List<String> announced = context.jdbc()
                .sql("select recipient from outbox_message where dedup_key like ? order by id")
                .param("fundraiser:" + id + ":live:%")
                .query(String.class)
                .list();
        assertThat(announced)
                .containsExactlyInAnyOrder(
                        "m1.tx-07@example.org", "m2.tx-07@example.org", "m3.tx-07@example.org", "ana@example.org");
        List<String> kinds = kinds(cycleId);
        assertThat(kinds).containsSubsequence("FUNDRAISER_LAUNCHED", "PAYMENTS_ON", "FUNDRAISER_ANNOUNCED");
        assertThat(kinds.stream().filter("FUNDRAISER_LAUNCHED"::equals)).hasSize(1);
        assertThat(row(cycleId, "ends_on").toString()).isEqualTo("2026-11-03");

        // the cycle is cancelled afterwards: the product is archived and the compensation is on the timeline, once
        fx.activities.deactivate(cycleId, "cancelled by staff: candidate withdrew");
        fx.activities.deactivate(cycleId, "cancelled by staff: candidate withdrew");
        assertThat(stripe.posts("/v1/products/prod_TX07")).hasSize(1);
        assertThat(stripe.posts("/v1/products/prod_TX07").get(0).getBodyAsString())
                .isEqualTo("active=false");
        assertThat(row(cycleId, "status")).isEqualTo("DEACTIVATED");
        assertThat(kinds(cycleId)).containsOnlyOnce("FUNDRAISER_DEACTIVATED");
        assertThat(context.bean(CycleRepository.class).timeline(cycleId).stream()
                        .filter(e -> e.kind().equals("FUNDRAISER_DEACTIVATED"))
                        .findFirst()
                        .orElseThrow()
                        .detail())
                .contains("prod_TX07 archived")
                .contains("candidate withdrew");
    }

    @Test
    void withoutStripeTheFundraiserIsRecordedAndSaysPaymentsAreOff() {
        Object[] cycle = fx.certifiedCycle("VT-01", "Ben Green", null, 0);
        String cycleId = (String) cycle[0];
        FundraiserActivities unconfigured = context.bean(FundraiserActivities.class);

        long id = unconfigured.launch(cycleId, (Long) cycle[1]);

        assertThat(row(cycleId, "payments")).isEqualTo("OFF");
        assertThat(row(cycleId, "stripe_product_id")).isNull();
        assertThat(context.bean(CycleRepository.class).timeline(cycleId).stream()
                        .filter(e -> e.kind().equals("PAYMENTS_OFF"))
                        .findFirst()
                        .orElseThrow()
                        .detail())
                .contains("until Stripe is configured");
        unconfigured.deactivate(cycleId, "cancelled");
        assertThat(row(cycleId, "status")).isEqualTo("DEACTIVATED");
        assertThat(id).isPositive();
    }

    private Object row(String cycleId, String column) {
        return context.jdbc()
                .sql("select " + column + " from fundraiser where cycle_id = ?")
                .param(cycleId)
                .query((rs, n) -> rs.getObject(1))
                .list()
                .get(0);
    }

    private List<String> kinds(String cycleId) {
        return context.bean(CycleRepository.class).timeline(cycleId).stream()
                .map(e -> e.kind())
                .toList();
    }
}
