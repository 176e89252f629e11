package ru.tsur.pulse.support;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The metric-name finder on the kinds of expressions the dashboards and rules use. */
class PromQlTest {

    @Test
    void findsMetricsButNotFunctionsLabelsKeywordsOrNumbers() {
        assertThat(PromQl.metricNames("""
                histogram_quantile(0.99, sum by (le, stage) (rate(pulse_pipeline_stage_duration_seconds_bucket{stage!="x"}[$__rate_interval])))"""))
                .containsExactly("pulse_pipeline_stage_duration_seconds_bucket");
        assertThat(PromQl.metricNames("""
                (pulse:freshness_slo_errors:ratio_rate1h > (14.4 * 0.01) and pulse:freshness_slo_errors:ratio_rate5m > 1e-2)
                or sum(rate(http_server_requests_seconds_count{status=~"5..",uri="/a{b}"}[5m])) by (uri) > bool 0"""))
                .containsExactly("pulse:freshness_slo_errors:ratio_rate1h", "pulse:freshness_slo_errors:ratio_rate5m",
                        "http_server_requests_seconds_count");
        assertThat(PromQl.metricNames("""
                topk(15, sum by (municipality) (pulse_municipality_window_messages{window="$window"})
                  * on (municipality) group_left (name) max by (municipality, name) (pulse_municipality_info))
                / ignoring(x) scalar(up offset 5m) unless on() vector(1)"""))
                .containsExactly("pulse_municipality_window_messages", "pulse_municipality_info", "up");
    }

    @Test
    void mapsHistogramSamplesToTheirFamily() {
        assertThat(PromQl.family("pulse_push_freshness_seconds_bucket")).isEqualTo("pulse_push_freshness_seconds");
        assertThat(PromQl.family("pulse_cases_open")).isEqualTo("pulse_cases_open");
        assertThat(PromQl.family("pulse_ingest_messages_total")).isEqualTo("pulse_ingest_messages_total");
    }
}
