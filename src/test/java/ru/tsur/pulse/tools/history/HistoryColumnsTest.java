package ru.tsur.pulse.tools.history;

import org.junit.jupiter.api.Test;
import ru.tsur.pulse.tools.history.HistoryColumns.Role;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which column means what, found by name: the St Petersburg export, other spellings, and what is missing. */
class HistoryColumnsTest {

    private static Map<Role, String> roles(HistoryColumns columns) {
        Map<Role, String> roles = new LinkedHashMap<>();
        Arrays.stream(Role.values()).forEach(role -> columns.column(role).ifPresent(column -> roles.put(role, column)));
        return roles;
    }

    @Test
    void theStPetersburgExportHasEveryColumnButSourceAndAuthor() {
        HistoryColumns columns = HistoryColumns.of(List.of("id", "created_at", "district", "municipality", "latitude",
                "longitude", "address", "city_object", "category", "reason", "executor_org", "last_status",
                "last_status_at", "first_answer_at", "text"));
        assertThat(roles(columns)).containsExactly(Map.entry(Role.CREATED_AT, "created_at"), Map.entry(Role.ID, "id"),
                Map.entry(Role.TEXT, "text"), Map.entry(Role.LATITUDE, "latitude"), Map.entry(Role.LONGITUDE, "longitude"),
                Map.entry(Role.ADDRESS, "address"), Map.entry(Role.MUNICIPALITY, "municipality"),
                Map.entry(Role.CATEGORY, "category"), Map.entry(Role.TOPIC, "reason"));
    }

    @Test
    void otherSpellingsAndAPlaceByNameOnly() {
        HistoryColumns columns = HistoryColumns.of(List.of(" external_id", "created_at", "municipality", "category",
                "topic", "source", "author", "lat"));
        assertThat(roles(columns)).containsExactly(Map.entry(Role.CREATED_AT, "created_at"),
                Map.entry(Role.ID, " external_id"), Map.entry(Role.MUNICIPALITY, "municipality"),
                Map.entry(Role.CATEGORY, "category"), Map.entry(Role.TOPIC, "topic"), Map.entry(Role.SOURCE, "source"),
                Map.entry(Role.AUTHOR, "author"));
        assertThat(columns.value(Map.of("category", "  Благоустройство ", "topic", " "), Role.CATEGORY)).isEqualTo("Благоустройство");
        assertThat(columns.value(Map.of("category", "  Благоустройство ", "topic", " "), Role.TOPIC)).isNull();
        assertThat(columns.value(Map.of(), Role.TEXT)).isNull();
    }

    @Test
    void aFileWithoutATimeAPlaceOrASubjectIsRefusedNamingWhatIsAccepted() {
        assertThatThrownBy(() -> HistoryColumns.of(List.of("id", "latitude", "text")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the CSV header [id, latitude, text] has no column for a time (created_at), a place (latitude"
                        + " and longitude, or lat and lon; address; municipality); accepted columns: created_at;"
                        + " latitude+longitude (lat+lon), address, municipality; category, text; optional id"
                        + " (external_id), reason (topic), source, author");
        assertThatThrownBy(() -> HistoryColumns.of(List.of("created_at", "address", "reason")))
                .hasMessageStartingWith("the CSV header [created_at, address, reason] has no column for what it is about"
                        + " (category, or text); accepted");
    }
}
