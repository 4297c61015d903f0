package org.guanjia.document;

import java.time.LocalDate;

/** The call to an owner whose copy stayed unclaimed: when, and what was said. */
public record NewCall(String documentNo, String unitCode, LocalDate callOn, String callNote) {
}
