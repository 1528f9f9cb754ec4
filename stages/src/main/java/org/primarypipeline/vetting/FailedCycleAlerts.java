package org.primarypipeline.vetting;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.primarypipeline.core.time.ReadableTimes;
import org.primarypipeline.core.time.RecipientTimeZones;
import org.primarypipeline.nominations.NominationSettings;
import org.primarypipeline.outreach.OutboundMessage;
import org.primarypipeline.outreach.Outbox;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * A cycle that fails (quorum not met, no nominee) stops its district until staff decide; the staff on
 * duty get an email saying so, once per cycle and person (a retried activity queues nothing twice).
 */
@Component
public class FailedCycleAlerts {

    private final ReviewEscalations duty;
    private final Outbox outbox;
    private final NominationSettings settings;
    private final Clock clock;

    public FailedCycleAlerts(
            ReviewEscalations duty, Outbox outbox, NominationSettings settings, ObjectProvider<Clock> clock) {
        this.duty = duty;
        this.outbox = outbox;
        this.settings = settings;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /** Returns how many staff were alerted. */
    public int alert(String cycleId, String reason) {
        String district = VettingActivitiesImpl.district(cycleId);
        int queued = 0;
        for (ReviewEscalations.OnDuty staff : duty.onDuty()) {
            Map<String, Object> model = new LinkedHashMap<>();
            model.put("staffName", staff.name());
            model.put("cycleId", cycleId);
            model.put("districtId", district);
            model.put("reason", reason == null ? "no reason recorded" : reason);
            model.put(
                    "failedAt", ReadableTimes.when(clock.instant(), RecipientTimeZones.ofDistrictOrEastern(district)));
            model.put("cycleUrl", settings.url("/cycles/" + cycleId));
            model.put("launchUrl", settings.url("/districts/" + district + "/launch"));
            if (outbox.enqueue(OutboundMessage.email(
                            "cycle:" + cycleId + ":failed:staff:" + staff.email(), staff.email(), "cycle-failed", model)
                    .asTransactional())) {
                queued++;
            }
        }
        return queued;
    }
}
