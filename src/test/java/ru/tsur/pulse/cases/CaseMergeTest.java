package ru.tsur.pulse.cases;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** When a case may be merged into another, or a message split off it. */
class CaseMergeTest {

    @Test
    void aCaseMergesIntoAnotherOpenOrClosedCaseButNeverIntoItselfOrWithAMergedOne() {
        assertThat(CaseMerge.mergeRefusal(problem(1, "assigned", null), problem(2, "resolved", null))).isEmpty();
        assertThat(CaseMerge.mergeRefusal(problem(1, "assigned", null), problem(1, "assigned", null)))
                .contains("Обращение № 1 нельзя объединить с самим собой");
        assertThat(CaseMerge.mergeRefusal(problem(1, "merged", 3L), problem(2, "assigned", null)))
                .contains("Обращение № 1 уже объединено с № 3");
        assertThat(CaseMerge.mergeRefusal(problem(1, "assigned", null), problem(2, "merged", 3L)))
                .contains("Обращение № 2 уже объединено с № 3: объединяйте с ним");
    }

    @Test
    void aMessageIsSplitOffOnlyACaseThatKeepsAnotherAndIsNotMerged() {
        assertThat(CaseMerge.splitRefusal(problem(1, "in_progress", null), 2)).isEqualTo(Optional.empty());
        assertThat(CaseMerge.splitRefusal(problem(1, "in_progress", null), 1))
                .contains("Это единственное сообщение обращения № 1: выделять его не из чего");
        assertThat(CaseMerge.splitRefusal(problem(1, "merged", 4L), 0))
                .contains("Обращение № 1 объединено с № 4: его сообщения теперь там");
    }

    private static ProblemCase problem(long id, String status, Long mergedInto) {
        Instant at = Instant.parse("2025-10-20T07:00:00Z");
        return new ProblemCase(id, status, "spb-kolomna", "lighting", "Освещение", "ЖКС №2", "standard", null, null,
                "Нет света в подъезде", at, at, at, 1, at, at, null, null, List.of(), null, null, 0, null, null, false,
                at, false, mergedInto);
    }
}
