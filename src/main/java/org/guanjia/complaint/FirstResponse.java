package org.guanjia.complaint;

import java.time.LocalDateTime;

/**
 * The first response: arrival on site or a call to the owner.
 *
 * @param respondedAt   empty = now
 * @param method        on_site or phone
 * @param responderCode the staff member who responded; empty = the signed-in user
 */
public record FirstResponse(LocalDateTime respondedAt, String method, String responderCode) {
}
