package org.primarypipeline.console.events;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Starts again the workflows of events not yet followed up, as cycles are resumed (serving mode only). */
@Component
@ConditionalOnProperty(name = "pp.resume-on-start", havingValue = "true", matchIfMissing = true)
public class ResumeEventsOnStart {

    private static final Logger log = LoggerFactory.getLogger(ResumeEventsOnStart.class);

    private final EventWorkflows workflows;

    public ResumeEventsOnStart(EventWorkflows workflows) {
        this.workflows = workflows;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void resume() {
        List<Long> resumed = workflows.resumeUnfinished();
        if (!resumed.isEmpty()) {
            log.info("resumed {} event workflow(s): {}", resumed.size(), resumed);
        }
    }
}
