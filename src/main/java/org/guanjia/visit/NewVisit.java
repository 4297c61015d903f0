package org.guanjia.visit;

import java.time.LocalDate;
import java.util.List;

/**
 * A visit as the butler records it.
 *
 * @param visitedOn   empty = today; never in the future
 * @param staffCode   empty = the signed-in user's staff code; a butler records only their own
 * @param keyCustomer sets the key-customer flag of the unit's owners; empty leaves it
 * @param planNo      the planned visit this carries out, optional
 */
public record NewVisit(String unitCode, LocalDate visitedOn, String staffCode, String kind,
        String topic, Integer satisfaction, String note, boolean strongOpinion, Boolean keyCustomer,
        String planNo, List<NewVisitRequest> requests) {

    public NewVisit {
        requests = requests == null ? List.of() : List.copyOf(requests);
    }
}
