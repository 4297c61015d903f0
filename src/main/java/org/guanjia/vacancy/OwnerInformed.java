package org.guanjia.vacancy;

import java.time.LocalDate;

/** The owner told of an inspection's result, recorded after the inspection. */
public record OwnerInformed(LocalDate ownerInformedOn, String ownerInformedMethod) {
}
