package org.guanjia.base.ui;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.QueryParameters;
import java.util.Optional;

/**
 * {@code ?open=<record number>} on a list view opens that record's dialog: the links from the
 * butler's agenda (one tap from the item to the record to act on) and bookmarks.
 */
public final class OpenParameter {

    public static final String NAME = "open";

    private OpenParameter() {
    }

    public static Optional<String> of(BeforeEnterEvent event) {
        return event.getLocation().getQueryParameters().getSingleParameter(NAME)
                .map(String::trim).filter(s -> !s.isEmpty());
    }

    public static QueryParameters to(String recordNo) {
        return QueryParameters.of(NAME, recordNo);
    }
}
