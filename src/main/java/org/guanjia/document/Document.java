package org.guanjia.document;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * A batch of one document to owners (对客文件, rulebook 三) with its delivery counts in the
 * user's clusters.
 *
 * @param outageFrom the outage window of an outage notice, else empty
 * @param units      deliveries (units) of the batch
 * @param received   units whose owner has it (see {@link Delivery#isReceived()})
 * @param unclaimed  units on the call list today
 */
public record Document(String no, String kind, String title, LocalDate issuedOn, LocalDateTime outageFrom,
        LocalDateTime outageTo, String note, int units, int dispatched, int received, int unclaimed) {

    public static final List<String> KINDS = List.of("statement", "water_outage", "power_outage", "gas_outage",
            "fee_standard", "other");

    public static final List<String> OUTAGE_KINDS = List.of("water_outage", "power_outage", "gas_outage");

    public static boolean isOutage(String kind) {
        return kind != null && OUTAGE_KINDS.contains(kind);
    }
}
