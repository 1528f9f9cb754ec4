package org.primarypipeline.console;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Assembles the console, REST API, Temporal workers, Camel routes and batch jobs. */
@SpringBootApplication(scanBasePackages = "org.primarypipeline")
public class ConsoleApplication {}
