package ru.tsur.pulse.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads a working calendar from its editable text form, one statement a line ({@code #} starts a comment):
 * <pre>
 * timezone Europe/Moscow
 * hours 09:00-13:00 14:00-18:00
 * weekend saturday sunday
 * shorten PT1H
 * include ru-production-calendar.txt        (another file of the same form: the federal dates)
 * holiday 2025-01-01..2025-01-08            (days off: public holidays and days off moved onto weekdays)
 * workday 2025-11-01                        (a weekend day made a working day)
 * short 2025-03-07                          (a pre-holiday day shortened by the shorten amount)
 * </pre>
 * Words after the dates are a free comment. Errors name the file and line.
 */
public final class WorkingCalendarFile {

    private ZoneId zone;
    private final List<WorkingCalendar.Period> periods = new ArrayList<>();
    private Set<DayOfWeek> weekend = EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
    private Duration shortening = Duration.ofHours(1);
    private final Set<LocalDate> holidays = new HashSet<>();
    private final Set<LocalDate> workdays = new HashSet<>();
    private final Set<LocalDate> shortDays = new HashSet<>();

    private WorkingCalendarFile() {
    }

    /** Reads {@code name} through {@code open} (which also resolves includes); {@code fallbackZone} if none is set. */
    public static WorkingCalendar read(String name, Function<String, InputStream> open, ZoneId fallbackZone) {
        WorkingCalendarFile file = new WorkingCalendarFile();
        file.load(name, open, 0);
        if (file.periods.isEmpty()) {
            file.periods.add(new WorkingCalendar.Period(LocalTime.of(9, 0), LocalTime.of(13, 0)));
            file.periods.add(new WorkingCalendar.Period(LocalTime.of(14, 0), LocalTime.of(18, 0)));
        }
        return new WorkingCalendar(file.zone == null ? fallbackZone : file.zone, file.periods, file.weekend,
                file.holidays, file.workdays, file.shortDays, file.shortening);
    }

    /** A file on disk; includes are looked for beside it, then on the classpath under {@code calendar/}. */
    public static WorkingCalendar readFile(Path path, ZoneId fallbackZone) {
        return read(path.toString(), name -> {
            Path candidate = name.equals(path.toString()) ? path : path.resolveSibling(name);
            try {
                return Files.isRegularFile(candidate) ? Files.newInputStream(candidate) : classpath("calendar/" + name);
            } catch (IOException e) {
                throw new IllegalArgumentException("Calendar file " + candidate + " unreadable: " + e.getMessage(), e);
            }
        }, fallbackZone);
    }

    /** A resource on the classpath; includes are resolved under {@code calendar/}. */
    public static WorkingCalendar readResource(String resource, ZoneId fallbackZone) {
        return read(resource, name -> classpath(name.equals(resource) ? resource : "calendar/" + name), fallbackZone);
    }

    private static InputStream classpath(String resource) {
        InputStream stream = WorkingCalendarFile.class.getClassLoader().getResourceAsStream(resource);
        if (stream == null) {
            throw new IllegalArgumentException("Calendar resource " + resource + " not found");
        }
        return stream;
    }

    private void load(String name, Function<String, InputStream> open, int depth) {
        if (depth > 4) {
            throw new IllegalArgumentException("Calendar includes nest too deep at " + name);
        }
        List<String> lines;
        try (InputStream stream = open.apply(name)) {
            lines = new String(stream.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            throw new IllegalArgumentException("Calendar " + name + " unreadable: " + e.getMessage(), e);
        }
        for (int index = 0; index < lines.size(); index++) {
            String line = lines.get(index);
            int comment = line.indexOf('#');
            String statement = (comment >= 0 ? line.substring(0, comment) : line).strip();
            if (statement.isEmpty()) {
                continue;
            }
            try {
                apply(statement.split("\\s+"), open, depth);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("Calendar " + name + " line " + (index + 1) + " («" + statement
                        + "»): " + e.getMessage(), e);
            }
        }
    }

    private void apply(String[] words, Function<String, InputStream> open, int depth) {
        String keyword = words[0].toLowerCase(Locale.ROOT);
        switch (keyword) {
            case "timezone" -> zone = ZoneId.of(argument(words));
            case "hours" -> {
                periods.clear();
                for (int index = 1; index < words.length; index++) {
                    String[] bounds = words[index].split("-");
                    if (bounds.length != 2) {
                        throw new IllegalArgumentException("a working period reads like 09:00-13:00");
                    }
                    periods.add(new WorkingCalendar.Period(LocalTime.parse(bounds[0]), LocalTime.parse(bounds[1])));
                }
                if (periods.isEmpty()) {
                    throw new IllegalArgumentException("hours needs at least one period");
                }
            }
            case "weekend" -> {
                Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
                for (int index = 1; index < words.length; index++) {
                    days.add(DayOfWeek.valueOf(words[index].toUpperCase(Locale.ROOT)));
                }
                weekend = days;
            }
            case "shorten" -> shortening = Duration.parse(argument(words));
            case "include" -> load(argument(words), open, depth + 1);
            case "holiday" -> dates(argument(words)).forEach(holidays::add);
            case "workday" -> dates(argument(words)).forEach(workdays::add);
            case "short" -> dates(argument(words)).forEach(shortDays::add);
            default -> throw new IllegalArgumentException("unknown statement '" + words[0]
                    + "'; use timezone, hours, weekend, shorten, include, holiday, workday or short");
        }
    }

    private static String argument(String[] words) {
        if (words.length < 2) {
            throw new IllegalArgumentException(words[0] + " needs a value");
        }
        return words[1];
    }

    private static List<LocalDate> dates(String text) {
        try {
            int range = text.indexOf("..");
            LocalDate first = LocalDate.parse(range < 0 ? text : text.substring(0, range));
            LocalDate last = range < 0 ? first : LocalDate.parse(text.substring(range + 2));
            if (last.isBefore(first)) {
                throw new IllegalArgumentException("date range runs backwards: " + text);
            }
            List<LocalDate> dates = new ArrayList<>();
            for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
                dates.add(day);
            }
            return dates;
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("dates read like 2025-01-01 or 2025-01-01..2025-01-08");
        }
    }
}
