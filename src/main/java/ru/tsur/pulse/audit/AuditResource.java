package ru.tsur.pulse.audit;

import jakarta.annotation.security.RolesAllowed;
import ru.tsur.pulse.access.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import ru.tsur.pulse.problems.Problem;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * The audit trail API, admin-only: pages of recorded acts (newest first, filtered by subject, action, target
 * and time) and the chain verification that tells whether any row was deleted, edited or inserted.
 */
@Path("/api/v1/audit")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    /** The range of times a filter may name (PostgreSQL's timestamps reach further; nothing audited does). */
    private static final int EARLIEST_YEAR = 2000;
    private static final int LATEST_YEAR = 9999;

    private final AuditRepository repository;
    private final AuditConfig config;

    public AuditResource(AuditRepository repository, AuditConfig config) {
        this.repository = repository;
        this.config = config;
    }

    @GET
    @Operation(summary = "Audit rows, newest first, filtered by subject, action, target and time (from inclusive, to exclusive)")
    public Uni<AuditPage> list(@QueryParam("subject") String subject, @QueryParam("action") String action,
                               @QueryParam("target") String target, @QueryParam("from") String from,
                               @QueryParam("to") String to, @QueryParam("page") String page,
                               @QueryParam("size") String size) {
        int pageNumber = number("page", page, 0, 0, Integer.MAX_VALUE);
        int pageSize = number("size", size, config.defaultPageSize(), 1, config.maxPageSize());
        AuditQuery query = new AuditQuery(blankToNull(subject), blankToNull(action), blankToNull(target),
                time("from", from), time("to", to));
        return repository.page(query, pageNumber, pageSize);
    }

    @POST
    @Path("/verify")
    @Operation(summary = "Recompute the audit hash chain from its first row; names the first broken row and why")
    public Uni<AuditVerification> verify() {
        return repository.verify(config.verifyChunk());
    }

    private static int number(String name, String value, int absent, int least, int most) {
        if (value == null || value.isBlank()) {
            return absent;
        }
        try {
            int number = Integer.parseInt(value.strip());
            if (number >= least && number <= most) {
                return number;
            }
        } catch (NumberFormatException ignored) {
            // answered below, as for a number out of range
        }
        throw Problem.invalid(name, "ожидается целое число от " + least + " до " + most);
    }

    private static Instant time(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            OffsetDateTime time = OffsetDateTime.parse(value.strip());
            if (time.getYear() >= EARLIEST_YEAR && time.getYear() <= LATEST_YEAR) {
                return time.toInstant();
            }
        } catch (DateTimeParseException ignored) {
            // answered below, as for a time out of range
        }
        throw Problem.invalid(name, "ожидается время ISO-8601 со смещением между " + EARLIEST_YEAR + " и "
                + LATEST_YEAR + " годом, например 2026-01-31T00:00:00Z");
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
