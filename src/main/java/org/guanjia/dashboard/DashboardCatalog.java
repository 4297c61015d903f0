package org.guanjia.dashboard;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The dashboards of {@code dashboards/*.yaml} (packaged on the class path), loaded once and
 * read-only at start. A bad file stops the start: the exception names the file and line.
 */
@Component
public class DashboardCatalog {

    private static final Logger LOG = LoggerFactory.getLogger(DashboardCatalog.class);

    private final List<Dashboard> dashboards;

    @Autowired
    public DashboardCatalog(
            @Value("${guanjia.dashboards:classpath*:dashboards/*.yaml}") String location) {
        this(load(location));
    }

    DashboardCatalog(List<Dashboard> dashboards) {
        this.dashboards = dashboards.stream()
                .sorted(Comparator.comparingInt(Dashboard::order).thenComparing(Dashboard::id))
                .toList();
        LOG.info("Loaded {} dashboards: {}", this.dashboards.size(),
                this.dashboards.stream().map(Dashboard::id).toList());
    }

    public List<Dashboard> all() {
        return dashboards;
    }

    public Optional<Dashboard> find(String id) {
        return dashboards.stream().filter(d -> d.id().equals(id)).findFirst();
    }

    /** Loads the files matching a resource pattern; the first bad file stops with its line. */
    static List<Dashboard> load(String location) {
        try {
            Resource[] files = new PathMatchingResourcePatternResolver().getResources(location);
            List<Dashboard> out = new ArrayList<>();
            for (Resource r : files) {
                String text = r.getContentAsString(StandardCharsets.UTF_8);
                out.add(DashboardLoader.load(r.getFilename(), text));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the dashboard files", e);
        }
    }
}
