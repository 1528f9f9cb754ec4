package org.primarypipeline.console.startup;

import org.primarypipeline.districts.PublicDataLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Loads the current plan and House members each start: the first start fills, later ones refresh. */
@Component
public class LoadPublicDataOnStart {

    private static final Logger log = LoggerFactory.getLogger(LoadPublicDataOnStart.class);

    private final PublicDataLoader loader;
    private final StartupData startupData;

    public LoadPublicDataOnStart(PublicDataLoader loader, StartupData startupData) {
        this.loader = loader;
        this.startupData = startupData;
    }

    @EventListener(ApplicationStartedEvent.class)
    @Order(1)
    public void load() {
        PublicDataLoader.Loaded loaded = loader.load();
        log.info(
                "district plan {}: {} districts, {} House members and delegates",
                loaded.planId(),
                loaded.districts(),
                loaded.houseMembers());
        startupData.markLoaded();
    }
}
