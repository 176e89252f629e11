package ru.tsur.pulse.prevention.report.pages;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import ru.tsur.pulse.access.Caller;
import ru.tsur.pulse.access.CurrentCaller;
import ru.tsur.pulse.access.Roles;
import ru.tsur.pulse.pages.PageFrame;
import ru.tsur.pulse.prevention.report.PreventionReport;
import ru.tsur.pulse.prevention.report.PreventionReports;
import ru.tsur.pulse.prevention.report.ReportCsv;
import ru.tsur.pulse.prevention.report.ReportPdf;
import ru.tsur.pulse.prevention.report.WeeklyChart;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * The prevention report's page ({@code /reports/prevention?municipality=&from=&to=}, «Отчёт о профилактике»)
 * and its downloads ({@code /reports/prevention.csv}, {@code .pdf}) for people logged in with the session
 * cookie — reads only, so the cookie is enough (nothing here changes state, and the cookie is SameSite
 * strict); programs use {@code /api/v1/prevention/report.csv|.pdf} with a bearer token. The page is rendered
 * whole on the server, charts as inline SVG (no script); the period form is a plain GET. Officials,
 * operators and admins; a municipal official its own municipalities only (another one is 403).
 */
@Path("/reports")
@RolesAllowed({Roles.OFFICIAL, Roles.OPERATOR, Roles.ADMIN})
public class ReportPages {

    @CheckedTemplate(basePath = "reports")
    static class Templates {
        static native TemplateInstance prevention(PageFrame frame, ReportView view);
    }

    /** A municipality the form offers. */
    public record Choice(String id, String name, boolean selected) {
    }

    /**
     * What the page shows: the report, its chart, the form's choices and the downloads' query.
     *
     * @param report     the report
     * @param chart      the repeat rate's chart geometry
     * @param zone       the region's time zone
     * @param allLabel   the form's "all" choice in words (the region, or an official's own municipalities)
     * @param choices    the municipalities the caller may choose
     * @param query      the report's query string, for the CSV and PDF links
     */
    public record ReportView(PreventionReport report, WeeklyChart chart, ZoneId zone, String allLabel,
                             List<Choice> choices, String query) {
    }

    private final PreventionReports reports;
    private final ReportPdf pdf;
    private final CurrentCaller caller;

    public ReportPages(PreventionReports reports, ReportPdf pdf, CurrentCaller caller) {
        this.reports = reports;
        this.pdf = pdf;
        this.caller = caller;
    }

    @GET
    @Path("prevention")
    @Produces(MediaType.TEXT_HTML)
    public Uni<TemplateInstance> page(@QueryParam("municipality") String municipality, @QueryParam("from") String from,
                                      @QueryParam("to") String to) {
        Caller who = caller.get();
        PreventionReports.Request request = reports.request(municipality, from, to, who);
        return reports.build(request, who).map(report -> Templates.prevention(PageFrame.of(who, "prevention-report"),
                view(report, who)));
    }

    @GET
    @Path("prevention.csv")
    @Produces("text/csv; charset=utf-8")
    public Uni<Response> csv(@QueryParam("municipality") String municipality, @QueryParam("from") String from,
                             @QueryParam("to") String to) {
        Caller who = caller.get();
        PreventionReports.Request request = reports.request(municipality, from, to, who);
        return reports.build(request, who).map(report -> download(ReportCsv.write(report).getBytes(StandardCharsets.UTF_8),
                "text/csv; charset=utf-8", ReportPdf.fileName(report, "csv")));
    }

    @GET
    @Path("prevention.pdf")
    @Produces(ReportPdf.MEDIA_TYPE)
    public Uni<Response> pdf(@QueryParam("municipality") String municipality, @QueryParam("from") String from,
                             @QueryParam("to") String to) {
        Caller who = caller.get();
        PreventionReports.Request request = reports.request(municipality, from, to, who);
        return reports.build(request, who).emitOn(Infrastructure.getDefaultWorkerPool())
                .map(report -> download(pdf.write(report, reports.zone()), ReportPdf.MEDIA_TYPE, ReportPdf.fileName(report, "pdf")));
    }

    private ReportView view(PreventionReport report, Caller who) {
        List<Choice> choices = new ArrayList<>();
        reports.choices(who).forEach((id, name) -> choices.add(new Choice(id, name, id.equals(report.municipality()))));
        String all = reports.seesRegion(who) ? "Весь регион" : "Все ваши муниципалитеты";
        StringBuilder query = new StringBuilder();
        if (report.municipality() != null) {
            query.append("municipality=").append(URLEncoder.encode(report.municipality(), StandardCharsets.UTF_8)).append('&');
        }
        query.append("from=").append(report.period().from()).append("&to=").append(report.period().to());
        return new ReportView(report, WeeklyChart.of(report.repeatRate()), reports.zone(), all, choices, query.toString());
    }

    private static Response download(byte[] body, String type, String name) {
        return Response.ok(body, type).header("Content-Disposition", "attachment; filename=\"" + name + "\"").build();
    }
}
