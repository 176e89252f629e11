package ru.tsur.pulse.cases;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import ru.tsur.pulse.calendar.WorkingCalendar;
import ru.tsur.pulse.calendar.WorkingCalendarFile;
import ru.tsur.pulse.domain.Region;

import java.nio.file.Path;
import java.time.ZoneId;

/**
 * Builds the plain decision objects of this package from configuration: the region's working calendar
 * (the configured file, else the shipped {@code calendar/<region>.txt}), the deadline terms, the deadline
 * assessment, duplicate matching and answer quality.
 */
@ApplicationScoped
public class CasesProducers {

    @Produces
    @ApplicationScoped
    WorkingCalendar calendar(CasesConfig config, Region region) {
        ZoneId zone = ZoneId.of(region.timeZone() == null ? "Europe/Moscow" : region.timeZone());
        return config.calendarFile()
                .map(file -> WorkingCalendarFile.readFile(Path.of(file), zone))
                .orElseGet(() -> WorkingCalendarFile.readResource("calendar/" + region.id() + ".txt", zone));
    }

    @Produces
    @ApplicationScoped
    DeadlinePolicy policy(WorkingCalendar calendar, CasesConfig config) {
        return DeadlinePolicy.from(calendar, config);
    }

    @Produces
    @ApplicationScoped
    DeadlineAssessment assessment(DeadlinePolicy policy, CasesConfig config) {
        return new DeadlineAssessment(policy, config.warnAt(), config.urgeAt(), config.escalationChain(),
                config.repeatInterval(), config.groupAtLeast());
    }

    @Produces
    @ApplicationScoped
    DuplicateMatcher duplicates(CasesConfig config) {
        return new DuplicateMatcher(config.duplicateDistanceMeters(), config.textMatchMaxDistanceMeters(),
                config.duplicateTextSimilarity(), config.duplicatePeriod(), config.repeatPeriod());
    }

    @Produces
    @ApplicationScoped
    AnswerQuality answerQuality(CasesConfig config) {
        return new AnswerQuality(config.shortAnswerChars(), config.boilerplateSimilarity(), config.boilerplateAtLeast());
    }
}
