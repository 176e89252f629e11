package ru.tsur.pulse.tools.training;

import com.fasterxml.jackson.databind.ObjectMapper;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import ru.tsur.pulse.locate.RegionPack;
import ru.tsur.pulse.tools.Arguments;

import java.io.UncheckedIOException;
import java.util.Locale;

/**
 * The options the train and evaluate commands share (a picocli mixin): the region whose pack the messages
 * are decided against, and the class balance of training, which the trainer reads as the system property
 * {@code pulse.train.class-balance} (as every other training knob, {@code LinearModelTrainer.Settings}).
 */
public final class TrainingOptions {

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    @Option(names = "--region", required = true, paramLabel = "REGION", order = 0,
            description = "Region pack: spb or kursk (src/main/resources/regions/REGION/).")
    String region;

    @Option(names = "--class-balance", paramLabel = "X", order = 90,
            description = "Class weights when training: 0 = none, 1 = fully balanced (default 0.3; the shipped"
                    + " Kursk model uses 0, see README).")
    Double classBalance;

    /** The region pack, or a usage error naming {@code --region} when there is none by that id. */
    RegionPack pack() {
        try {
            return RegionPack.load(region, new ObjectMapper());
        } catch (IllegalArgumentException | UncheckedIOException e) {
            throw Arguments.usage(command, "--region " + region + ": " + e.getMessage()
                    + (e.getCause() == null ? "" : " (" + e.getCause().getMessage() + ")"));
        }
    }

    /** Passes {@code --class-balance} on to the trainer, if given. */
    void applyClassBalance() {
        if (classBalance != null) {
            Arguments.require(command, classBalance >= 0 && classBalance <= 1,
                    "--class-balance must be between 0 and 1, not " + classBalance);
            System.setProperty("pulse.train.class-balance", String.format(Locale.ROOT, "%s", classBalance));
        }
    }
}
