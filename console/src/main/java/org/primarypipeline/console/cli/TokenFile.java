package org.primarypipeline.console.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

/**
 * The token {@code pp login} stored: {@code $XDG_CONFIG_HOME/primary-pipeline/token}, or
 * {@code ~/.config/primary-pipeline/token}, readable by its owner only. {@code PP_TOKEN} overrides it,
 * for scripts that are given a token rather than signing in.
 */
final class TokenFile {

    private final ClientContext context;

    TokenFile(ClientContext context) {
        this.context = context;
    }

    Path path() {
        String config = context.env("XDG_CONFIG_HOME");
        String home = context.env("HOME") != null ? context.env("HOME") : System.getProperty("user.home");
        Path base = config != null ? Path.of(config) : Path.of(home, ".config");
        return base.resolve("primary-pipeline").resolve("token");
    }

    /** The token to send: {@code PP_TOKEN}, else the stored one. */
    Optional<String> token() {
        String fromEnv = context.env("PP_TOKEN");
        return fromEnv != null ? Optional.of(fromEnv) : stored();
    }

    boolean fromEnvironment() {
        return context.env("PP_TOKEN") != null;
    }

    Optional<String> stored() {
        try {
            Path file = path();
            if (!Files.isRegularFile(file)) {
                return Optional.empty();
            }
            String token = Files.readString(file, StandardCharsets.UTF_8).trim();
            return token.isEmpty() ? Optional.empty() : Optional.of(token);
        } catch (IOException unreadable) {
            return Optional.empty();
        }
    }

    /** Writes the token; the file is created owner-only before the token is in it. */
    void store(String token) throws IOException {
        Path file = path();
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        if (posix) {
            Files.createDirectories(
                    file.getParent(),
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createDirectories(file.getParent());
        }
        Files.writeString(
                file,
                token + "\n",
                StandardCharsets.UTF_8,
                StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING);
    }

    void delete() throws IOException {
        Files.deleteIfExists(path());
        Files.deleteIfExists(accountPath());
    }

    /** The account {@code pp login} signed in as, beside the token: commands that run here act under it. */
    Path accountPath() {
        return path().resolveSibling("account");
    }

    void storeAccount(String account) throws IOException {
        Files.writeString(accountPath(), account + "\n", StandardCharsets.UTF_8);
    }

    Optional<String> account() {
        try {
            Path file = accountPath();
            String name = Files.isRegularFile(file)
                    ? Files.readString(file, StandardCharsets.UTF_8).trim()
                    : "";
            return name.isEmpty() ? Optional.empty() : Optional.of(name);
        } catch (IOException unreadable) {
            return Optional.empty();
        }
    }
}
