package org.guanjia.analytics.api;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Security of {@code /api/**}, ahead of the Vaadin chain: HTTP Basic over the application's
 * users (checked by {@link ApiAuthentication}), stateless (no session, no CSRF token — nothing
 * here changes data), JSON 401/403.
 */
@Configuration
@ConditionalOnWebApplication
class ApiSecurityConfig {

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurityFilterChain(HttpSecurity http, ApiAuthentication authentication)
            throws Exception {
        AuthenticationEntryPoint unauthorized = (request, response, e) -> {
            response.setHeader("WWW-Authenticate", "Basic realm=\"guanjia\"");
            ApiErrors.write(response, HttpStatus.UNAUTHORIZED,
                    "sign in with HTTP Basic (a Guanjia user name and password)");
        };
        http.securityMatcher("/api/**")
                .authenticationManager(authentication)
                .authorizeHttpRequests(auth -> auth.anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint(unauthorized))
                .exceptionHandling(ex -> ex.authenticationEntryPoint(unauthorized)
                        .accessDeniedHandler((request, response, e) -> ApiErrors.write(response,
                                HttpStatus.FORBIDDEN, "not allowed")))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .csrf(csrf -> csrf.disable());
        return http.build();
    }
}
