package org.primarypipeline.console.web;

/**
 * Marks a controller that answers with console pages, wherever its stage package is: {@link ErrorAnswers}
 * then answers its refusals with the error page, where a REST controller gets JSON; both through {@link ErrorReplies}.
 */
public interface ConsolePage {}
