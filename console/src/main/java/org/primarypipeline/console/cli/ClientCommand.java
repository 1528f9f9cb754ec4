package org.primarypipeline.console.cli;

import java.util.Optional;

/**
 * A command that acts on the serving app through its REST API, as the account {@code pp login} signed
 * in: the app checks the role and writes the audit entry, exactly as for the console's pages. It
 * starts no Spring and opens no database. Exit codes: 0 done, 2 refused by the app (the reason is
 * printed), 3 the app does not answer, 4 not signed in.
 */
abstract class ClientCommand extends ContextCommand {

    static final int REFUSED = 2;
    static final int UNREACHABLE = 3;
    static final int NOT_SIGNED_IN = 4;

    static final String NO_TOKEN = "not signed in: run pp login --name NAME first (scripts may set PP_TOKEN)";

    /** What the command exits with when the app said yes; a check that finds nothing may set 1. */
    int exit = 0;

    /** Does the work through the API and returns what to print (null: it printed as it went). */
    abstract String perform(ApiClient api);

    @Override
    public Integer call() {
        Optional<String> token = new TokenFile(context).token();
        if (token.isEmpty()) {
            spec.commandLine().getErr().println(NO_TOKEN);
            return NOT_SIGNED_IN;
        }
        try {
            String result = perform(ApiClient.withToken(AppAddress.of(context), token.get()));
            if (result != null) {
                spec.commandLine().getOut().println(result);
            }
            return exit;
        } catch (ApiClient.Refused refused) {
            if (refused.status() == 401) {
                spec.commandLine().getErr().println("not signed in: " + refused.getMessage());
                return NOT_SIGNED_IN;
            }
            spec.commandLine().getErr().println("refused: " + refused.getMessage());
            return REFUSED;
        } catch (ApiClient.Unreachable unreachable) {
            spec.commandLine().getErr().println(unreachable.getMessage());
            return UNREACHABLE;
        } catch (IllegalArgumentException badInput) {
            spec.commandLine().getErr().println("refused: " + badInput.getMessage());
            return REFUSED;
        }
    }
}
