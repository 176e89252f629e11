package ru.tsur.pulse.tools;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.UnmatchedArgumentException;
import ru.tsur.pulse.tools.history.ImportHistoryCommand;
import ru.tsur.pulse.tools.prevention.EvaluateForecastCommand;
import ru.tsur.pulse.tools.prevention.EvaluateIncidentsCommand;
import ru.tsur.pulse.tools.prevention.EvaluateMeasuresCommand;
import ru.tsur.pulse.tools.prevention.EvaluatePreventionCommand;
import ru.tsur.pulse.tools.replay.ReplayCommand;
import ru.tsur.pulse.tools.regionpack.BuildRegionPacks;
import ru.tsur.pulse.tools.scorecard.ScorecardCommand;
import ru.tsur.pulse.tools.tension.EvaluateTensionCommand;
import ru.tsur.pulse.tools.training.EvaluateCommand;
import ru.tsur.pulse.tools.training.EvaluateCorrectionsCommand;
import ru.tsur.pulse.tools.training.TrainCommand;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The one launcher of the offline commands that run beside the service, never inside it (scripts/train.sh,
 * evaluate.sh, evaluate-corrections.sh, replay.sh, import-history.sh, evaluate-tension.sh, evaluate-prevention.sh,
 * evaluate-incidents.sh, evaluate-forecast.sh, scorecard.sh call it through scripts/jvm-tool.sh): picocli parses each
 * command's typed options. A wrong or missing option, or a value the command cannot use, is a
 * usage error: the problem, the command's synopsis and a hint on stderr, exit code 2. A failure while the
 * command runs (a file it cannot read, a malformed record) is its message on stderr, exit code 1 — with
 * the stack trace only when the failure is not one of those (a bug).
 */
@Command(name = "pulse-tools", synopsisSubcommandLabel = "COMMAND",
        description = "The offline commands of TSUR Pulse: training and evaluation on the shared data, replay"
                + " through the ingest API, history import, tension evaluation, chronic-places, incidents and forecast"
                + " evaluation, executor scorecards, region packs.",
        subcommands = {TrainCommand.class, EvaluateCommand.class, EvaluateCorrectionsCommand.class, ReplayCommand.class,
                ImportHistoryCommand.class, EvaluateTensionCommand.class, EvaluatePreventionCommand.class, EvaluateIncidentsCommand.class,
                EvaluateForecastCommand.class, EvaluateMeasuresCommand.class, ScorecardCommand.class, BuildRegionPacks.class})
public final class PulseTools {

    /** Exit code of a command that failed while running (usage errors are picocli's 2). */
    static final int FAILED = 1;

    @Option(names = {"-h", "--help"}, usageHelp = true, scope = ScopeType.INHERIT, order = 1000,
            description = "Show this help and exit.")
    boolean help;

    public static void main(String[] args) {
        // The classpath carries Quarkus's JBoss LogManager, whose System.Logger finder (asked by the JDK's HTTP
        // client, for replay) complains on stderr unless it is the log manager too.
        System.setProperty("java.util.logging.manager", "org.jboss.logmanager.LogManager");
        System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /** Runs one command line and returns its exit code; what it prints goes to {@code out} and {@code err}. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine commandLine = new CommandLine(new PulseTools())
                .setOut(out)
                .setErr(err)
                .setParameterExceptionHandler(PulseTools::usageError)
                .setExecutionExceptionHandler(PulseTools::failure);
        int exitCode = commandLine.execute(args);
        out.flush();
        err.flush();
        return exitCode;
    }

    private static int usageError(ParameterException parsed, String[] args) {
        CommandLine command = parsed.getCommandLine();
        // picocli checks required options before it complains of unknown ones; the unknown one says more
        ParameterException problem = parsed instanceof MissingParameterException && !command.getUnmatchedArguments().isEmpty()
                ? new UnmatchedArgumentException(command, command.getUnmatchedArguments()) : parsed;
        PrintWriter err = command.getErr();
        err.println(command.getCommandSpec().qualifiedName() + ": " + problem.getMessage());
        UnmatchedArgumentException.printSuggestions(problem, err);
        err.print(command.getHelp().fullSynopsis());
        err.println("Try '" + command.getCommandSpec().qualifiedName() + " --help' for more information.");
        return command.getCommandSpec().exitCodeOnInvalidInput();
    }

    private static int failure(Exception exception, CommandLine command, ParseResult parsed) {
        PrintWriter err = command.getErr();
        if (exception instanceof IOException || exception instanceof UncheckedIOException
                || exception instanceof IllegalArgumentException || exception instanceof IllegalStateException) {
            err.println(command.getCommandSpec().qualifiedName() + ": " + messages(exception));
        } else {
            exception.printStackTrace(err);
        }
        return FAILED;
    }

    /** The messages of an exception and its causes, each once, joined with ": ". */
    static String messages(Throwable exception) {
        List<String> messages = new ArrayList<>();
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
            if (messages.stream().noneMatch(earlier -> earlier.contains(message))) {
                messages.add(message);
            }
        }
        return String.join(": ", messages);
    }
}
