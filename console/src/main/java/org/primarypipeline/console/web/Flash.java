package org.primarypipeline.console.web;

import java.io.Serializable;

/** The one-line outcome of an action, shown on the page the action redirects to. */
public record Flash(boolean ok, String text) implements Serializable {

    // kept in the session between a form post and the page after it; sessions are stored in PostgreSQL
    private static final long serialVersionUID = 1L;

    public static Flash done(String text) {
        return new Flash(true, text);
    }

    public static Flash refused(String text) {
        return new Flash(false, text);
    }
}
