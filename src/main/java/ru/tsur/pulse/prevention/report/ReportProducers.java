package ru.tsur.pulse.prevention.report;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The report's PDF writer, built once: it loads and parses its fonts (about 1.5 MB) when made. */
public class ReportProducers {

    @Produces
    @Singleton
    ReportPdf reportPdf() {
        return new ReportPdf();
    }
}
