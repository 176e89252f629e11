package ru.tsur.pulse.prevention.report;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import ru.tsur.pulse.access.Caller;
import ru.tsur.pulse.access.CurrentCaller;
import ru.tsur.pulse.access.Roles;
import ru.tsur.pulse.api.ApiDocument;

import java.nio.charset.StandardCharsets;

/**
 * The prevention report as files for programs and scripts (bearer token): {@code GET
 * /api/v1/prevention/report.csv} and {@code report.pdf} with {@code municipality}, {@code from}, {@code to}.
 * The page offers the same files under {@code /reports/prevention.csv|.pdf} with the session cookie
 * ({@code ReportPages}). Officials, operators and admins; a municipal official its own municipalities only.
 */
@Path("/api/v1/prevention")
@RolesAllowed({Roles.OFFICIAL, Roles.OPERATOR, Roles.ADMIN})
@APIResponse(responseCode = "400", ref = ApiDocument.INVALID_INPUT)
@APIResponse(responseCode = "503", ref = ApiDocument.UNAVAILABLE)
public class ReportResource {

    /** The CSV's media type: UTF-8 (with a byte-order mark, for Excel). */
    public static final String CSV = "text/csv; charset=utf-8";

    private final PreventionReports reports;
    private final ReportPdf pdf;
    private final CurrentCaller caller;

    public ReportResource(PreventionReports reports, ReportPdf pdf, CurrentCaller caller) {
        this.reports = reports;
        this.pdf = pdf;
        this.caller = caller;
    }

    @GET
    @Path("/report.csv")
    @Produces(CSV)
    @Operation(summary = "The prevention report as CSV: top chronic places, repeat rate by week with its trend, executors whose resolutions come back")
    @APIResponse(responseCode = "200", description = "One CSV file, a block per section", content = @Content(mediaType = CSV))
    public Uni<Response> csv(@Parameter(description = "A municipality id; none = the region (an official's own municipalities)") @QueryParam("municipality") String municipality,
                             @Parameter(description = "First day, yyyy-mm-dd; default 29 days before `to`") @QueryParam("from") String from,
                             @Parameter(description = "Last day, yyyy-mm-dd, included; default today") @QueryParam("to") String to) {
        Caller who = caller.get();
        PreventionReports.Request request = reports.request(municipality, from, to, who);
        return reports.build(request, who).map(report -> file(ReportCsv.write(report).getBytes(StandardCharsets.UTF_8),
                CSV, ReportPdf.fileName(report, "csv")));
    }

    @GET
    @Path("/report.pdf")
    @Produces(ReportPdf.MEDIA_TYPE)
    @Operation(summary = "The prevention report as a printable PDF (Russian, with the repeat-rate chart)")
    @APIResponse(responseCode = "200", description = "The PDF", content = @Content(mediaType = ReportPdf.MEDIA_TYPE))
    public Uni<Response> pdf(@Parameter(description = "A municipality id; none = the region (an official's own municipalities)") @QueryParam("municipality") String municipality,
                             @Parameter(description = "First day, yyyy-mm-dd; default 29 days before `to`") @QueryParam("from") String from,
                             @Parameter(description = "Last day, yyyy-mm-dd, included; default today") @QueryParam("to") String to) {
        Caller who = caller.get();
        PreventionReports.Request request = reports.request(municipality, from, to, who);
        return reports.build(request, who).emitOn(Infrastructure.getDefaultWorkerPool())
                .map(report -> file(pdf.write(report, reports.zone()), ReportPdf.MEDIA_TYPE, ReportPdf.fileName(report, "pdf")));
    }

    /** A download: the bytes, their type, and the file name to save them under. */
    static Response file(byte[] body, String type, String name) {
        return Response.ok(body, type).header("Content-Disposition", "attachment; filename=\"" + name + "\"").build();
    }
}
