package org.primarypipeline.console.startup;

import java.util.List;
import org.primarypipeline.console.campaigns.CampaignResumer;
import org.primarypipeline.console.cycles.CycleResumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Starts again the workflows of unfinished cycles, then of running campaigns, once the worker polls
 * (serving mode only).
 */
@Component
@ConditionalOnProperty(name = "pp.resume-on-start", havingValue = "true", matchIfMissing = true)
public class ResumeCyclesOnStart {

    private static final Logger log = LoggerFactory.getLogger(ResumeCyclesOnStart.class);

    private final CycleResumer resumer;
    private final CampaignResumer campaigns;

    public ResumeCyclesOnStart(CycleResumer resumer, CampaignResumer campaigns) {
        this.resumer = resumer;
        this.campaigns = campaigns;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void resume() {
        List<String> resumed = resumer.resumeUnfinished();
        if (!resumed.isEmpty()) {
            log.info("resumed {} unfinished cycle(s): {}", resumed.size(), resumed);
        }
        List<String> campaignsResumed = campaigns.resumeUnfinished();
        if (!campaignsResumed.isEmpty()) {
            log.info("resumed {} running campaign(s): {}", campaignsResumed.size(), campaignsResumed);
        }
    }
}
