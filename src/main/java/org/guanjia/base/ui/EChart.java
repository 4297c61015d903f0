package org.guanjia.base.ui;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.DomEvent;
import com.vaadin.flow.component.EventData;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.HasStyle;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JavaScript;
import com.vaadin.flow.function.SerializableConsumer;
import com.vaadin.flow.shared.Registration;
import java.util.Map;

/**
 * An Apache ECharts chart (STACK.md pitfall 2): the {@code <echarts-view>} element of
 * {@code META-INF/resources/echarts-view.js} over the ECharts WebJar. The Java side sets the
 * whole ECharts option (a map turned into JSON) and hears clicks on bars, points, slices and
 * cells; a data item may carry a {@code drill} string that comes back with its click. PNG and
 * SVG images come from ECharts itself.
 */
@Tag("echarts-view")
@JavaScript("context://webjars/echarts/5.5.0/echarts.min.js")
@JavaScript("context://echarts-view.js")
public class EChart extends Component implements HasSize, HasStyle {

    private static final ObjectMapper JSON = new ObjectMapper();

    private String option = "";

    public EChart() {
        setWidthFull();
        setHeight("18rem");
    }

    /** Replaces the chart's option (ECharts' option object as maps, lists and values). */
    public void setOption(Map<String, ?> option) {
        try {
            setOptionJson(JSON.writeValueAsString(option));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Chart option is not JSON-able", e);
        }
    }

    public void setOptionJson(String json) {
        option = json;
        getElement().setProperty("option", json);
    }

    /** The option as JSON, as last set (for tests). */
    public String getOptionJson() {
        return option;
    }

    public Registration addChartClickListener(ComponentEventListener<ChartClickEvent> listener) {
        return addListener(ChartClickEvent.class, listener);
    }

    /** The chart as a data URL ({@code type} "png" or "svg"), delivered to {@code receiver}. */
    public void image(String type, SerializableConsumer<String> receiver) {
        getElement().callJsFunction("image", type).then(String.class, receiver);
    }

    /** A click on a chart item: its category name, series, value and drill key (or empty). */
    @DomEvent("chart-click")
    public static class ChartClickEvent extends ComponentEvent<EChart> {
        private final String name;
        private final String series;
        private final String value;
        private final String drill;

        public ChartClickEvent(EChart source, boolean fromClient,
                @EventData("event.detail.name") String name,
                @EventData("event.detail.series") String series,
                @EventData("event.detail.value") String value,
                @EventData("event.detail.drill") String drill) {
            super(source, fromClient);
            this.name = name;
            this.series = series;
            this.value = value;
            this.drill = drill;
        }

        public String name() {
            return name;
        }

        public String series() {
            return series;
        }

        public String value() {
            return value;
        }

        public String drill() {
            return drill;
        }
    }
}
