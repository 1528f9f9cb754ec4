package org.primarypipeline.core.vote.cli;

import java.nio.file.Path;

/** Input the tally refuses, pinned to a file and (when there is one) a line, so staff can fix it there. */
final class BadInputException extends Exception {

    private static final long serialVersionUID = 1L;

    BadInputException(Path file, int line, String reason) {
        super(file + (line > 0 ? ", line " + line : "") + ": " + reason);
    }
}
