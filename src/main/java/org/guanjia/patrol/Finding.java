package org.guanjia.patrol;

/**
 * Something wrong found on a patrol, sent to a department as a follow-up.
 *
 * @param photoKey        key of the photo in the photo store, or null
 * @param followUpStatus  status of the follow-up (open, in_progress, resolved, closed)
 */
public record Finding(long id, String patrolNo, String itemCode, String category, String description,
        String unitCode, String photoKey, String followUpNo, String followUpStatus) {

    public boolean hasPhoto() {
        return photoKey != null;
    }
}
