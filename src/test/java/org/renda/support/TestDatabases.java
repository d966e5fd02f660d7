package org.renda.support;

import org.springframework.test.context.ActiveProfilesResolver;

/**
 * Chooses the test database: the embedded H2 by default, PostgreSQL when the build's second run sets
 * {@code renda.test.database=postgres}: the server at {@code renda.test.pg.url} when one answers there, an embedded
 * PostgreSQL otherwise ({@link TestPostgres}).
 */
public class TestDatabases implements ActiveProfilesResolver {

    public static boolean postgres() {
        return "postgres".equals(System.getProperty("renda.test.database"));
    }

    @Override
    public String[] resolve(Class<?> testClass) {
        if (postgres()) {
            TestPostgres.ensure();
            return new String[] {"test", "pgtest"};
        }
        return new String[] {"test"};
    }
}
