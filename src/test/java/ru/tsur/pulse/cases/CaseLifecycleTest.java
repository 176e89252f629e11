package ru.tsur.pulse.cases;

import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.tsur.pulse.cases.CaseLifecycle.Action.*;
import static ru.tsur.pulse.cases.CaseStatus.*;

class CaseLifecycleTest {

    @Test
    void theHappyPathLeadsFromNewToConfirmed() {
        CaseStatus status = NEW;
        for (CaseLifecycle.Action action : new CaseLifecycle.Action[]{ASSIGN, ACCEPT, ANSWER, RESOLVE, CONFIRM}) {
            status = CaseLifecycle.next(status, action).orElseThrow();
        }
        assertThat(status).isEqualTo(CONFIRMED);
    }

    @Test
    void rejectionGoesBackThroughReassignmentAndAResolutionCanBeReopened() {
        assertThat(CaseLifecycle.next(ASSIGNED, REJECT)).contains(REJECTED);
        assertThat(CaseLifecycle.next(REJECTED, REASSIGN)).contains(ASSIGNED);
        assertThat(CaseLifecycle.next(RESOLVED, REOPEN)).contains(REOPENED);
        assertThat(CaseLifecycle.next(REOPENED, RESOLVE)).contains(RESOLVED);
    }

    @Test
    void everyOtherMoveIsRefused() {
        assertThat(CaseLifecycle.next(CONFIRMED, REOPEN)).isEmpty();
        assertThat(CaseLifecycle.next(ANSWERED, ANSWER)).isEmpty();
        assertThat(CaseLifecycle.next(ANSWERED, REJECT)).isEmpty();
        assertThat(CaseLifecycle.next(NEW, CONFIRM)).isEmpty();
        // A final case accepts nothing at all.
        for (CaseLifecycle.Action action : CaseLifecycle.Action.values()) {
            assertThat(CaseLifecycle.next(CONFIRMED, action)).as(action.name()).isEmpty();
            assertThat(CaseLifecycle.next(MERGED, action)).as("merged " + action.name()).isEmpty();
        }
        Set<CaseStatus> closed = EnumSet.complementOf(EnumSet.copyOf(CaseStatus.OPEN));
        assertThat(closed).containsExactlyInAnyOrder(RESOLVED, CONFIRMED, MERGED);
    }
}
