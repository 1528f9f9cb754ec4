package org.primarypipeline.console.web;

/** The one-line outcome of an action, shown on the page the action redirects to. */
public record Flash(boolean ok, String text) {

    public static Flash done(String text) {
        return new Flash(true, text);
    }

    public static Flash refused(String text) {
        return new Flash(false, text);
    }
}
