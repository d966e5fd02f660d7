package org.renda.web;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

/**
 * Switches off Spring's ResourceUrlEncodingFilter, which Boot's Thymeleaf auto-configuration registers
 * because webjars-locator-lite turns the resource chain on. The filter resolves every {@code @{...}} link
 * of every page against the static resource locations, and a miss (any link that is not a static file,
 * i.e. almost all of them) is not cached: inside the packaged jar each costs ~0.65 ms, so a list of 50
 * deputies (74 links) spends ~50 ms in it and the review queue of 50 records (166 links) ~110 ms
 * (bench/README.md).
 * No versioning strategy is configured, so the filter never rewrote a URL; the version-agnostic
 * /webjars/ paths are resolved by the resource handler and keep working without it.
 */
@Configuration
class NoResourceUrlEncoding {

    @Bean
    FilterRegistrationBean<ResourceUrlEncodingFilter> resourceUrlEncodingFilter() {
        FilterRegistrationBean<ResourceUrlEncodingFilter> registration =
                new FilterRegistrationBean<>(new ResourceUrlEncodingFilter());
        registration.setEnabled(false);
        return registration;
    }
}
