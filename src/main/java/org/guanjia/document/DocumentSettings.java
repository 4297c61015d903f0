package org.guanjia.document;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of documents to owners under {@code guanjia.documents.*}.
 *
 * @param unclaimedDays a copy still unclaimed more than this many days after it went out goes
 *                      on the butler's call list (rulebook 三: 超过两周, 14; environment variable
 *                      {@code GUANJIA_DOCUMENTS_UNCLAIMED_DAYS})
 */
@ConfigurationProperties(prefix = "guanjia.documents")
public record DocumentSettings(@DefaultValue("14") int unclaimedDays) {

    public DocumentSettings {
        if (unclaimedDays < 1) {
            throw new IllegalArgumentException("guanjia.documents.unclaimed-days must be >= 1: " + unclaimedDays);
        }
    }
}
