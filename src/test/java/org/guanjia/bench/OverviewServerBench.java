package org.guanjia.bench;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.yaml.snakeyaml.Yaml;

/**
 * {@link OverviewLoadBench} against a server that already runs on this machine, e.g. the
 * production jar on a benchmark database: {@code GUANJIA_DB=/tmp/bench500k.duckdb java -jar
 * target/guanjia.jar} (built with {@code -Pproduction}), then {@code mvn -B -o -Pbench test
 * -Dtest=OverviewServerBench -Dbench.port=8080} (and the same optional properties). The panels
 * are read from {@code dashboards/<id>.yaml}.
 */
@Tag("benchmark")
@EnabledIfSystemProperty(named = "bench.port", matches = "\\d+")
class OverviewServerBench {

    @Test
    @SuppressWarnings("unchecked")
    void the_dashboard_of_a_running_server_renders_every_panel() throws Exception {
        String id = System.getProperty("bench.dashboard", "overview");
        Map<String, Object> file;
        try (Reader in = Files.newBufferedReader(Path.of("dashboards", id + ".yaml"))) {
            file = new Yaml().load(in);
        }
        List<String> panels = ((List<Map<String, Object>>) file.get("panels")).stream()
                .map(p -> (String) p.get("id")).toList();
        OverviewLoadBench.measure(Integer.getInteger("bench.port"), id, panels);
    }
}
