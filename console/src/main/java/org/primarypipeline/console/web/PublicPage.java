package org.primarypipeline.console.web;

/**
 * The model of a page reached without a console account: a record whose accessors the page's
 * template reads. The public layout reads {@link #title()} for the browser tab.
 */
public interface PublicPage {

    String title();
}
