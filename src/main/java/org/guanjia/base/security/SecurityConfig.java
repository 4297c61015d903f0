package org.guanjia.base.security;

import com.vaadin.flow.spring.security.VaadinWebSecurity;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.util.matcher.AntPathRequestMatcher;

/**
 * Sign-in is required for everything but the login page, static resources and the health
 * check. Every response carries a Content-Security-Policy that Vaadin works with (its client
 * needs inline scripts and eval; everything is loaded from the app itself), frame-ancestors
 * and X-Frame-Options limited to the app's own origin, nosniff (Spring's default) and a
 * same-origin referrer policy. Wrong passwords are throttled by {@link LoginThrottle}.
 *
 * <p>JSR-250 method security makes every view with {@code @PermitAll} or {@code @RolesAllowed} a
 * Spring proxy (about 5 ms of the server's time per navigation). It stays: Vaadin reuses the
 * view instance when the user navigates to the route already shown only if the instance's class
 * is the route's class, which a proxy's is not, so every navigation (a dashboard's new filters, a
 * unit after another) builds its view afresh, as the views are written for
 * ({@code FollowUpsViewTest} fails without it: a finance user got the butler's view).
 */
@Configuration
@ConditionalOnWebApplication // not in the command line, which has no web server
@EnableWebSecurity
@EnableMethodSecurity(jsr250Enabled = true)
public class SecurityConfig extends VaadinWebSecurity {

    static final String CSP = "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval';"
            + " style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:;"
            + " connect-src 'self' ws: wss:; object-src 'none'; base-uri 'self'; form-action 'self';"
            + " frame-ancestors 'self'";

    @Override
    protected void configure(HttpSecurity http) throws Exception {
        http.headers(h -> h
                .contentSecurityPolicy(c -> c.policyDirectives(CSP))
                .frameOptions(f -> f.sameOrigin())
                .referrerPolicy(r -> r.policy(ReferrerPolicy.SAME_ORIGIN)));
        http.authorizeHttpRequests(auth -> auth
                .requestMatchers(new AntPathRequestMatcher("/webjars/**")).permitAll()
                .requestMatchers(new AntPathRequestMatcher("/images/**")).permitAll()
                .requestMatchers(new AntPathRequestMatcher("/actuator/health")).permitAll());
        super.configure(http);
        setLoginView(http, LoginView.class);
    }
}
