package ru.tsur.pulse.training;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code --name value} options of the training and evaluation commands, with required and optional
 * names checked (an unknown or missing option stops the command with a usage line).
 */
final class CommandLine {

    private final Map<String, String> values;

    private CommandLine(Map<String, String> values) {
        this.values = values;
    }

    static CommandLine parse(String[] args, List<String> required, List<String> optional) {
        Map<String, String> values = new HashMap<>();
        for (int index = 0; index < args.length; index += 2) {
            String name = args[index];
            if (!required.contains(name) && !optional.contains(name)) {
                throw usage("unknown option " + name, required, optional);
            }
            if (index + 1 >= args.length) {
                throw usage(name + " needs a value", required, optional);
            }
            values.put(name, args[index + 1]);
        }
        for (String name : required) {
            if (!values.containsKey(name)) {
                throw usage("missing " + name, required, optional);
            }
        }
        return new CommandLine(values);
    }

    private static IllegalArgumentException usage(String problem, List<String> required, List<String> optional) {
        StringBuilder usage = new StringBuilder(problem).append("; usage:");
        required.forEach(name -> usage.append(' ').append(name).append(" VALUE"));
        optional.forEach(name -> usage.append(" [").append(name).append(" VALUE]"));
        return new IllegalArgumentException(usage.toString());
    }

    String get(String name) {
        return values.get(name);
    }

    String getOrDefault(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    boolean has(String name) {
        return values.containsKey(name);
    }
}
