package org.primarypipeline.integrations.outreach.email;

/**
 * Jakarta Mail 2.1 looks up its stream provider with a ServiceLoader scan of every jar on the class
 * path each time a message, a header block or a body part is created, unless a system property names
 * the provider. On this application's class path that scan costs more than sending the mail, and it
 * runs on every message, so the property is set once here (a value set by whoever launched the JVM wins).
 */
final class MailStreamProvider {

    private static final String PROPERTY = "jakarta.mail.util.StreamProvider";
    private static final String ANGUS = "org.eclipse.angus.mail.util.MailStreamProvider";

    private MailStreamProvider() {}

    static void nameTheProvider() {
        if (System.getProperty(PROPERTY) != null) {
            return;
        }
        try {
            Class.forName(ANGUS, false, MailStreamProvider.class.getClassLoader());
            System.setProperty(PROPERTY, ANGUS);
        } catch (ClassNotFoundException another) {
            // a different Jakarta Mail implementation: leave the lookup to it
        }
    }
}
