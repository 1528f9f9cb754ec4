package org.primarypipeline.console.web;

/**
 * Marks a controller that answers with console pages, wherever its stage package is: {@link WebErrors}
 * then answers its refusals with the error page, where a REST controller's get JSON from {@code ApiErrors}.
 */
public interface ConsolePage {}
