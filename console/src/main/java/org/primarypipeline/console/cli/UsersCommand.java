package org.primarypipeline.console.cli;

import java.io.IOException;
import java.util.Arrays;
import java.util.concurrent.Callable;
import org.primarypipeline.console.users.ConsoleUsers;
import org.primarypipeline.console.users.Role;
import org.primarypipeline.console.users.UserAdministration;
import org.springframework.beans.factory.annotation.Autowired;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code pp users ...}: console accounts from the server's shell, the first admin above all. */
@Command(
        name = "users",
        description = "Add and list console accounts (the first admin is added here).",
        subcommands = {UsersCommand.Add.class, UsersCommand.ListUsers.class})
public class UsersCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(
            name = "add",
            description = {
                "Add a console account. The password is asked for twice on the terminal (not echoed),",
                "or read from the first line of standard input with --password-stdin (for scripts).",
                "Roles: admin (everything, accounts too), staff (launch and steer cycles, certify),",
                "finance (read; sign off finance reports), auditor (read everything, the audit log included)."
            })
    public static class Add implements Callable<Integer>, ApplicationCommand {

        @Spec
        CommandSpec spec;

        @Option(names = "--role", required = true, description = "admin, staff, finance, auditor or organizer.")
        String role;

        @Option(names = "--name", required = true, description = "Account name: 2-40 letters, digits, '.', '_' or '-'.")
        String name;

        @Option(
                names = "--password-stdin",
                description = "Read the password from standard input instead of the terminal.")
        boolean passwordStdin;

        @Autowired
        UserAdministration administration;

        @Override
        public Integer call() {
            char[] password;
            try {
                password = passwordStdin ? fromStdin() : fromTerminal();
            } catch (IllegalStateException | IOException e) {
                spec.commandLine().getErr().println("users add refused: " + e.getMessage());
                return 2;
            }
            try {
                administration.addFromCommandLine(Actors.current(), name, Role.parse(role), password);
                spec.commandLine()
                        .getOut()
                        .printf(
                                "added %s (%s); they can sign in to the console now%n",
                                name.trim(), role.trim().toLowerCase());
                return 0;
            } catch (IllegalArgumentException e) {
                spec.commandLine().getErr().println("users add refused: " + e.getMessage());
                return 2;
            } finally {
                Arrays.fill(password, '\0');
            }
        }

        private static char[] fromStdin() throws IOException {
            return Passwords.fromStdin(System.in);
        }

        private static char[] fromTerminal() {
            char[] first = Passwords.ask("Password for the new account: ");
            char[] second = Passwords.ask("The same password again: ");
            if (!Arrays.equals(first, second)) {
                throw new IllegalStateException("the two passwords differ");
            }
            Arrays.fill(second, '\0');
            return first;
        }
    }

    @Command(name = "list", description = "List console accounts with their role and state.")
    public static class ListUsers implements Callable<Integer>, ApplicationCommand {

        @Spec
        CommandSpec spec;

        @Autowired
        ConsoleUsers users;

        @Override
        public Integer call() {
            for (ConsoleUsers.Account a : users.page(null, null, 10_000, 0)) {
                spec.commandLine()
                        .getOut()
                        .printf("%-24s %-8s %s%n", a.username(), a.role().label(), a.enabled() ? "active" : "disabled");
            }
            return 0;
        }
    }
}
