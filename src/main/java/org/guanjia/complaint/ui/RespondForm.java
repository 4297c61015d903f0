package org.guanjia.complaint.ui;

import java.time.LocalDateTime;

/**
 * The response step's form; the responder is the signed-in user. Public because the binder
 * reads and builds it by reflection.
 */
public record RespondForm(LocalDateTime respondedAt, String method) {
}
