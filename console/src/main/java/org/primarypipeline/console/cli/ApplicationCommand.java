package org.primarypipeline.console.cli;

/**
 * Marks a command that needs the application's database, Temporal client or jobs. Its fields marked
 * {@code @Autowired} are filled from a Spring context started without the web server.
 */
public interface ApplicationCommand {}
