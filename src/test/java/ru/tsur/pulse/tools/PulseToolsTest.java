package ru.tsur.pulse.tools;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The launcher of the offline commands as scripts/*.sh run it: help lists the commands, a wrong option is a
 * usage error (the problem, the synopsis and a hint on stderr, exit code 2) before anything runs, and a
 * failure while running is one line on stderr with exit code 1.
 */
public class PulseToolsTest {

    /** What one command line printed and its exit code. */
    public record Run(int exitCode, String out, String err) {
    }

    /** Runs one command line of the launcher, as the scripts do, capturing what it prints. */
    public static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode = PulseTools.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(exitCode, out.toString(), err.toString());
    }

    @Test
    void helpListsTheCommands() {
        assertThat(run("--help")).isEqualTo(new Run(0, """
                Usage: pulse-tools [-h] COMMAND
                The offline commands of TSUR Pulse: training and evaluation on the shared data,
                replay through the ingest API, history import, tension evaluation,
                chronic-places, incidents and forecast evaluation, executor scorecards, region
                packs.
                  -h, --help   Show this help and exit.
                Commands:
                  train                 Trains a region's classifier and routing table on a
                                          labelled CSV (Kursk or St Petersburg format) and
                                          writes model.bin and routing.csv.
                  evaluate              Evaluates classification and routing on a labelled CSV
                                          through the production decision path and prints
                                          accuracy and macro-F1 per label, then a per-class
                                          table.
                  evaluate-corrections  Measures what operators' corrections buy: a simulated
                                          operator corrects the messages a model flags for
                                          triage from --from to --split; the model retrained
                                          with them and the one without are evaluated from
                                          --split to --until.
                  replay                Replays a CSV in the St Petersburg portal format
                                          through the ingest API at N× real time and prints
                                          what was sent and accepted.
                  import-history        Loads past messages from a CSV into PostgreSQL in bulk,
                                          classified, located and routed as the service
                                          decides, for warm baselines at the next start; raises
                                          no case and no alert.
                  evaluate-tension      Replays a labelled CSV through the tension detector in
                                          simulated time (no service, no database) and prints
                                          every alert, then alerts=N series=M; with --inject,
                                          --trials or --quiet-until, detection delays and
                                          false-alarm rates.
                  evaluate-prevention   Builds the chronic-places register from the messages of
                                          a CSV before a date and measures how well its ranking
                                          foresees the places × topics that get messages in the
                                          days after, against ranking by the last 30 days'
                                          count.
                  evaluate-incidents    Replays the messages of a CSV through the incident
                                          finder (one topic, several nearby buildings at once)
                                          and prints each incident, then their number;
                                          optionally injects synthetic outages and says whether
                                          and when they were found.
                  evaluate-forecast     Replays a labelled CSV through the tension detector (no
                                          service, no database), forecasts every municipality ×
                                          category 7 days ahead every week between the dates
                                          and prints one line: forecast weeks=N series=M mase=…
                                          coverage80=… naive_mase=1.00.
                  evaluate-measures     Placebo check of the measures' effect: fake measures at
                                          random municipalities and dates of a CSV should get
                                          95% intervals that hold "no effect" about 95% of the
                                          time.
                  scorecard             Ranks the executors of the St Petersburg portal export
                                          by on-time first replies, with the service's working
                                          calendar and scorecard classes.
                  build-region-packs    Builds the region packs (spb, kursk) from
                                          regions-source/ and the shared reference data.
                """, ""));
    }

    @Test
    void aCommandsHelpNamesEveryOptionWithItsDefault() {
        assertThat(run("train", "--help")).isEqualTo(new Run(0, """
                Usage: pulse-tools train [-h] --region=REGION --data=FILE [--out=DIR]
                                         [--with-corrections] [--database-url=URL]
                                         [--database-user=USER] [--correction-weight=W]
                                         [--class-balance=X]
                Trains a region's classifier and routing table on a labelled CSV (Kursk or St
                Petersburg format) and writes model.bin and routing.csv.
                      --region=REGION        Region pack: spb or kursk
                                               (src/main/resources/regions/REGION/).
                      --data=FILE            Labelled CSV, plain or gzipped.
                      --out=DIR              Where to write model.bin and routing.csv (default:
                                               src/main/resources/regions/REGION).
                      --with-corrections     Also train on the operators' corrections of the
                                               region (the correction table).
                      --database-url=URL     With --with-corrections: the service's database
                                               (default jdbc:postgresql://127.0.0.1:5432/pulse;
                                               password: env PULSE_DB_PASSWORD, default pulse).
                      --database-user=USER   With --with-corrections: its user (default pulse).
                      --correction-weight=W  With --with-corrections: how many times each
                                               correction counts (default 1).
                      --class-balance=X      Class weights when training: 0 = none, 1 = fully
                                               balanced (default 0.3; the shipped Kursk model
                                               uses 0, see README).
                  -h, --help                 Show this help and exit.
                """, ""));
    }

    @Test
    void anUnknownOptionIsAUsageErrorWithASuggestion() {
        assertThat(run("train", "--region", "kursk", "--dat", "train.csv")).isEqualTo(new Run(2, "", """
                pulse-tools train: Unknown options: '--dat', 'train.csv'
                Possible solutions: --data, --database-url, --database-user
                Usage: pulse-tools train [-h] --region=REGION --data=FILE [--out=DIR]
                                         [--with-corrections] [--database-url=URL]
                                         [--database-user=USER] [--correction-weight=W]
                                         [--class-balance=X]
                Try 'pulse-tools train --help' for more information.
                """));
    }

    @Test
    void valuesTheCommandCannotUseAreUsageErrors() {
        assertThat(run("replay", "../shared/data/spb/appeals-2020-10-18_2021-01-31.csv.gz", "--speed", "0",
                "--api-key", "key")).isEqualTo(new Run(2, "", """
                pulse-tools replay: Invalid value for option '--speed': must be positive or max, not 0
                Usage: pulse-tools replay [-h] [--speed=N|max] [--url=URL]
                                          [--time=original|now] [--from=ISO] [--until=ISO]
                                          [--days=N] [--limit=N] [--batch=N] [--api-key=KEY]
                                          [--token=TOKEN] FILE
                Try 'pulse-tools replay --help' for more information.
                """));
        assertThat(run("evaluate", "--region", "kursk", "--test", "../shared/data/kursk/train.csv", "--cv", "5",
                "--folds", "scripts/kursk_folds.csv")).isEqualTo(new Run(2, "", """
                pulse-tools evaluate: --cv and --folds exclude each other
                Usage: pulse-tools evaluate [-h] --region=REGION --test=FILE [--train=FILE]
                                            [--train-before=DATE] [--cv=K] [--folds=FILE]
                                            [--table=N] [--class-balance=X]
                Try 'pulse-tools evaluate --help' for more information.
                """));
        assertThat(run("evaluate-corrections", "--region", "spb", "--data",
                "../shared/data/spb/appeals-2020-10-18_2021-01-31.csv.gz", "--split", "2020-12-01"))
                .isEqualTo(new Run(2, "", """
                pulse-tools evaluate-corrections: --from, --split and --until must come in that order
                Usage: pulse-tools evaluate-corrections [-h] --region=REGION --data=FILE
                                                        [--from=DATE] [--split=DATE]
                                                        [--until=DATE] [--correction-weight=W[,
                                                        W...]]... [--triage-below=P]
                                                        [--class-balance=X]
                Try 'pulse-tools evaluate-corrections --help' for more information.
                """));
        assertThat(run("train", "--region", "kursk", "--data", "../shared/data/kursk/train.csv",
                "--with-corrections", "--correction-weight", "0")).isEqualTo(new Run(2, "", """
                pulse-tools train: --correction-weight must be at least 1, not 0
                Usage: pulse-tools train [-h] --region=REGION --data=FILE [--out=DIR]
                                         [--with-corrections] [--database-url=URL]
                                         [--database-user=USER] [--correction-weight=W]
                                         [--class-balance=X]
                Try 'pulse-tools train --help' for more information.
                """));
        assertThat(run("scorecard", "--data", "no-such.csv")).isEqualTo(new Run(2, "", """
                pulse-tools scorecard: --data: cannot read no-such.csv
                Usage: pulse-tools scorecard [-h] --data=FILE [--top=N] [--calendar=FILE]
                Try 'pulse-tools scorecard --help' for more information.
                """));
    }

    @Test
    void importHistoryRefusesOptionsItCannotUseBeforeTouchingADatabase() {
        String usage = """
                Usage: pulse-tools import-history [-h] [--region=REGION] [--source=NAME]
                                                  [--shift-weeks=N|auto] [--from=DATE]
                                                  [--to=DATE] [--zone=ZONE] [--batch=N]
                                                  [--database-url=URL] [--database-user=USER]
                                                  [--routing-overrides=FILE] FILE
                Try 'pulse-tools import-history --help' for more information.
                """;
        String spb = "../shared/data/spb/appeals-2020-10-18_2021-01-31.csv.gz";
        assertThat(run("import-history", spb, "--shift-weeks", "soon")).isEqualTo(new Run(2, "",
                "pulse-tools import-history: Invalid value for option '--shift-weeks': 'soon' is neither a whole number"
                        + " of weeks nor auto\n" + usage));
        assertThat(run("import-history", spb, "--shift-weeks", "-1")).isEqualTo(new Run(2, "",
                "pulse-tools import-history: Invalid value for option '--shift-weeks': must not be negative, not -1\n"
                        + usage));
        assertThat(run("import-history", spb, "--from", "2020-10-24", "--to", "2020-10-18")).isEqualTo(new Run(2, "",
                "pulse-tools import-history: --to must not come before --from\n" + usage));
        assertThat(run("import-history", spb, "--region", "atlantis").err())
                .startsWith("pulse-tools import-history: --region atlantis: ");
        assertThat(run("import-history", spb, "--source", "наш портал", "--shift-weeks", "auto")).isEqualTo(new Run(2, "",
                "pulse-tools import-history: --source наш портал: the stored source history.наш портал must be 1-64"
                        + " characters of a-z, 0-9, '_', '.', '-'\n" + usage));
        // a file without a time or a place fails (exit 1) before the database is opened
        assertThat(run("import-history", "../shared/data/kursk/train.csv", "--region", "kursk")).isEqualTo(new Run(1, "",
                "pulse-tools import-history: the CSV header [id, text, topic, executor, category] has no column for a time"
                        + " (created_at), a place (latitude and longitude, or lat and lon; address; municipality);"
                        + " accepted columns: created_at; latitude+longitude (lat+lon), address, municipality; category,"
                        + " text; optional id (external_id), reason (topic), source, author\n"));
    }

    @Test
    void noCommandIsAUsageError() {
        assertThat(run()).isEqualTo(new Run(2, "", """
                pulse-tools: Missing required subcommand
                Usage: pulse-tools [-h] COMMAND
                Try 'pulse-tools --help' for more information.
                """));
    }

    @Test
    void aFailureWhileRunningIsOneLineAndExitCodeOne() {
        assertThat(run("evaluate", "--region", "kursk", "--test", "scripts/kursk_folds.csv")).isEqualTo(new Run(1, "",
                "pulse-tools evaluate: scripts/kursk_folds.csv has no 'text' column\n"));
    }
}
