package org.primarypipeline.console.campaigns;

import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import java.util.ArrayList;
import java.util.List;
import org.primarypipeline.campaigns.CampaignRepository;
import org.primarypipeline.campaigns.CampaignStarter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * As {@code CycleResumer} for cycles: every campaign PostgreSQL calls running (stage not ENDED) whose
 * workflow Temporal does not know is started again; its first activity reads the recorded stage and
 * dates, so it goes on from there (a kickoff or get-out-the-vote message already queued is not queued
 * twice: their keys name the campaign and the member).
 */
@Component
public class CampaignResumer {

    private static final Logger log = LoggerFactory.getLogger(CampaignResumer.class);

    private final CampaignRepository campaigns;
    private final CampaignSignals signals;
    private final CampaignStarter starter;

    public CampaignResumer(CampaignRepository campaigns, CampaignSignals signals, CampaignStarter starter) {
        this.campaigns = campaigns;
        this.signals = signals;
        this.starter = starter;
    }

    /** Returns the cycle ids of the campaigns it started again. */
    public List<String> resumeUnfinished() {
        List<String> resumed = new ArrayList<>();
        for (CampaignRepository.Running campaign : campaigns.running()) {
            WorkflowExecutionStatus status = signals.executionStatus(campaign.cycleId());
            if (status == WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING) {
                continue;
            }
            if (status != WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_UNSPECIFIED) {
                log.warn(
                        "campaign {} is running in PostgreSQL but its workflow is {}; left for staff",
                        campaign.cycleId(),
                        status);
                continue;
            }
            if (starter.start(campaign.cycleId(), campaign.candidacyId(), campaign.fundraiserId())) {
                log.info("resumed campaign {} at {}", campaign.cycleId(), campaign.stage());
                resumed.add(campaign.cycleId());
            }
        }
        return resumed;
    }
}
