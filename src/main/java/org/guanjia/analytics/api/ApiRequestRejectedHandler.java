package org.guanjia.analytics.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.firewall.HttpStatusRequestRejectedHandler;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.stereotype.Component;

/**
 * A request the security firewall refuses (an encoded ';', '%' or line break in the path) is
 * a JSON 400 on the API, naming the path's parameter. The default handler's sendError(400) was
 * forwarded to the signed-in error page and came back as a 302 to the login (issue 10,
 * hostile input). Other requests keep the default 400.
 */
@Component
@ConditionalOnWebApplication
class ApiRequestRejectedHandler implements RequestRejectedHandler {

    private final RequestRejectedHandler others = new HttpStatusRequestRejectedHandler();

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response,
            RequestRejectedException e) throws IOException, jakarta.servlet.ServletException {
        String uri = request.getRequestURI();
        if (uri != null && uri.startsWith(request.getContextPath() + "/api/")) {
            ApiErrors.write(response, HttpStatus.BAD_REQUEST,
                    "dataset: the request path holds characters that are not allowed");
        } else {
            others.handle(request, response, e);
        }
    }
}
