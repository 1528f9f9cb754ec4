package org.primarypipeline.console.web;

/**
 * Marks a controller that answers with console pages wherever its package is: {@link WebErrors} then
 * answers its refusals with the error page, not the API's JSON.
 */
public interface ConsolePage {
}
