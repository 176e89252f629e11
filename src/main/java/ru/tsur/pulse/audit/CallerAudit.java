package ru.tsur.pulse.audit;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import ru.tsur.pulse.access.CurrentCaller;

/**
 * Records what the caller of the current request does, for the resources whose act is itself the thing to
 * audit (an executor added, an original message read). Who acted comes from the request's identity, never
 * from a body: {@link #caller()} reads it on the request's thread, before the act goes asynchronous, and
 * {@link #record} appends the act inside the transaction that does it, so the two commit together.
 */
@ApplicationScoped
public class CallerAudit {

    private final AuditRepository audit;
    private final CurrentCaller caller;

    public CallerAudit(AuditRepository audit, CurrentCaller caller) {
        this.audit = audit;
        this.caller = caller;
    }

    /** The current request's caller as the audit trail records it; call it before the act goes asynchronous. */
    public Actor caller() {
        return Actor.of(caller.get());
    }

    /** Appends {@code actor}'s act ({@code action} on {@code target}, {@code after} as JSON or null) in {@code transaction}. */
    public Uni<AuditEvent> record(SqlConnection transaction, Actor actor, String action, String target, String after) {
        return audit.append(transaction, new AuditEntry(actor, action, target, null, after));
    }
}
