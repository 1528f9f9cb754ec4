package org.primarypipeline.platform;

import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

/**
 * The beans of every stage package (repositories, read models, services, Temporal activities), for a
 * Spring context built without the console: tests, batch jobs and benchmarks import this one list, so
 * a new stage package is added here and nowhere else. The console scans all of org.primarypipeline.
 */
@Configuration
@ComponentScan({
    "org.primarypipeline.campaigns",
    "org.primarypipeline.certification",
    "org.primarypipeline.cycles",
    "org.primarypipeline.districts",
    "org.primarypipeline.fundraising",
    "org.primarypipeline.nominations",
    "org.primarypipeline.outreach",
    "org.primarypipeline.platform.db",
    "org.primarypipeline.platform.links",
    "org.primarypipeline.supporters",
    "org.primarypipeline.vetting",
    "org.primarypipeline.voting"
})
public class StageBeans {}
