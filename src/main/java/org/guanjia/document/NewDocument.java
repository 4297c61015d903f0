package org.guanjia.document;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Set;

/**
 * A new document batch and the units it goes to: a whole cluster, a building, or picked units
 * (exactly one of the three).
 *
 * @param outageFrom required for outage notices, with {@code outageTo} not before it
 */
public record NewDocument(String kind, String title, LocalDate issuedOn, LocalDateTime outageFrom,
        LocalDateTime outageTo, String note, String clusterCode, String buildingCode, Set<String> unitCodes) {
}
