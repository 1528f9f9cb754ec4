package org.primarypipeline.campaigns;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How a campaign runs: get out the vote begins {@code pp.campaign.gotv-days} (default 10) before election
 * day; a host is promoted to organizer after {@code pp.ladder.organizer-events} (default 3) reported events
 * in one district; the wrap-up comes {@code pp.campaign.wrap-up-days} (default 1) after election day
 * unless staff extend the campaign.
 */
@Component
public class CampaignSettings {

    private final int gotvDays;
    private final int organizerEvents;
    private final int wrapUpDays;

    public CampaignSettings(
            @Value("${pp.campaign.gotv-days:10}") int gotvDays,
            @Value("${pp.ladder.organizer-events:3}") int organizerEvents,
            @Value("${pp.campaign.wrap-up-days:1}") int wrapUpDays) {
        if (gotvDays < 0 || organizerEvents < 1 || wrapUpDays < 1) {
            throw new IllegalArgumentException(
                    "pp.campaign.gotv-days must be 0 or more, pp.ladder.organizer-events and pp.campaign.wrap-up-days 1 or more");
        }
        this.gotvDays = gotvDays;
        this.organizerEvents = organizerEvents;
        this.wrapUpDays = wrapUpDays;
    }

    public static CampaignSettings defaults() {
        return new CampaignSettings(10, 3, 1);
    }

    public int gotvDays() {
        return gotvDays;
    }

    public int organizerEvents() {
        return organizerEvents;
    }

    public int wrapUpDays() {
        return wrapUpDays;
    }
}
