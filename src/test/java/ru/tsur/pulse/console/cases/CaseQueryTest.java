package ru.tsur.pulse.console.cases;

import ru.tsur.pulse.pages.CaseWords;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The case list's address: filters and page (from 1 in the address), and the saved views' presets. */
class CaseQueryTest {

    @Test
    void theAddressCarriesOnlyTheFiltersSetAndThePageCountedFromOne() {
        assertThat(CaseQuery.ALL.href()).isEqualTo("/console/cases");
        assertThat(new CaseQuery("rejected", "ЖКС №2", "spb-kolomna", true, false, true, true, 2).href())
                .isEqualTo("/console/cases?status=rejected&executor=%D0%96%D0%9A%D0%A1+%E2%84%962"
                        + "&municipality=spb-kolomna&overdue=true&risk=true&flagged=true&page=3");
        assertThat(CaseQuery.ALL.onPage(1).href()).isEqualTo("/console/cases?page=2");
    }

    @Test
    void theSavedViewsAreTheIssuesPresets() {
        assertThat(CaseQuery.VIEWS.stream().map(view -> view.title() + " " + view.query().href()).toList()).containsExactly(
                "Все /console/cases",
                "Просроченные /console/cases?overdue=true",
                "Срок на исходе (> 80%) /console/cases?risk=true",
                "Повторные /console/cases?repeat=true",
                "Ответы с замечаниями /console/cases?flagged=true",
                "Отклонённые, ждут переназначения /console/cases?status=rejected");
    }

    @Test
    void statusesFlagsAndActionsReadInRussian() {
        assertThat(CaseWords.status("merged")).isEqualTo("объединено");
        assertThat(CaseWords.flag("no_action")).isEqualTo("похоже на отписку: нет срока и действия");
        assertThat(CaseWords.action("case.merge")).isEqualTo(CaseWords.action("merge")).isEqualTo("объединено с другим обращением");
        assertThat(CaseWords.action("something_new")).isEqualTo("something_new");
    }
}
