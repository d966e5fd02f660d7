package org.renda.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole application on the test database with the demo county, one cached context for every test
 * that uses it. Tagged "db": the build runs these on H2 and again on PostgreSQL. A class also tagged "browser" is
 * skipped (loudly) where Chromium is missing, outside CI ({@link BrowserAvailability}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("db")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles(resolver = TestDatabases.class)
@Import(CleanPostgresOnce.class)
@ExtendWith(BrowserAvailability.class)
public @interface RendaIntegrationTest {}
