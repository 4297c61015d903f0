package org.guanjia.base.photo;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the photo store, under {@code guanjia.photos.*}.
 *
 * @param dir      the folder the photos are kept in ({@code GUANJIA_PHOTOS_DIR}); empty = a
 *                 {@code photos} folder next to the database file
 * @param maxBytes the largest photo accepted ({@code GUANJIA_PHOTOS_MAX_BYTES}, default 5 MB)
 */
@ConfigurationProperties(prefix = "guanjia.photos")
public record PhotoProperties(String dir, long maxBytes) {

    public static final long DEFAULT_MAX_BYTES = 5L * 1024 * 1024;

    public PhotoProperties {
        if (maxBytes <= 0) {
            maxBytes = DEFAULT_MAX_BYTES;
        }
    }
}
