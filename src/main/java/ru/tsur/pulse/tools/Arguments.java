package ru.tsur.pulse.tools;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Checks of a command's arguments that their types cannot express (a file that must be readable, options
 * that go together or exclude each other), failing as usage errors: {@link PulseTools} prints them with the
 * command's synopsis and exits with code 2, before the command has done anything.
 */
public final class Arguments {

    private Arguments() {
    }

    /** A usage error of the command {@code spec} describes. */
    public static ParameterException usage(CommandSpec spec, String message) {
        return new ParameterException(spec.commandLine(), message);
    }

    /** {@code file}, given as {@code option}, when it is a readable file; otherwise a usage error. */
    public static Path readable(CommandSpec spec, String option, Path file) {
        if (file != null && !(Files.isRegularFile(file) && Files.isReadable(file))) {
            throw usage(spec, option + ": cannot read " + file);
        }
        return file;
    }

    /** A usage error unless {@code holds}. */
    public static void require(CommandSpec spec, boolean holds, String message) {
        if (!holds) {
            throw usage(spec, message);
        }
    }
}
