package ru.tsur.pulse.audit;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import ru.tsur.pulse.access.CurrentCaller;

/**
 * Records what the caller of the current request does, for the resources whose act is itself the thing to
 * audit (an executor added, an original message read). Who acted comes from the request's identity, never
 * from a body; it is read once, on the request's thread, before the act goes asynchronous.
 */
@ApplicationScoped
public class CallerAudit {

    private final AuditRepository audit;
    private final CurrentCaller caller;

    public CallerAudit(AuditRepository audit, CurrentCaller caller) {
        this.audit = audit;
        this.caller = caller;
    }

    /** The current request's caller, read now; call it before the act goes asynchronous. */
    public Act byCaller() {
        return new Act(audit, Actor.of(caller.get()));
    }

    /** One caller's acts, recorded inside the transaction that does them: the act and its row commit together. */
    public static final class Act {

        private final AuditRepository audit;
        private final Actor actor;

        private Act(AuditRepository audit, Actor actor) {
            this.audit = audit;
            this.actor = actor;
        }

        /** The caller's name as the audit trail records it (a user name or a key id). */
        public String subject() {
            return actor.subject();
        }

        /** Appends the act ({@code action} on {@code target}, {@code after} as JSON or null) inside {@code transaction}. */
        public Uni<AuditEvent> record(SqlConnection transaction, String action, String target, String after) {
            return audit.append(transaction, new AuditEntry(actor, action, target, null, after));
        }
    }
}
