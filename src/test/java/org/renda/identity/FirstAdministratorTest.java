package org.renda.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.renda.org.OrgTree;
import org.renda.shared.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.crypto.password.PasswordEncoder;

/** A fresh production database: no demo, no default password; the first administrator comes from configuration. */
@SpringBootTest(properties = {
    "spring.datasource.url=jdbc:h2:mem:bootstrap;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
    "renda.demo.enabled=false",
    "renda.bootstrap.admin-username=chief",
    "renda.bootstrap.admin-password=Chief-pass-2026",
    "renda.bootstrap.root-code=LJ",
    "renda.bootstrap.root-name=廉江市人大常委会"})
class FirstAdministratorTest {

    @Autowired UserStore users;
    @Autowired OrgTree orgs;
    @Autowired PasswordEncoder encoder;

    @Test
    void theConfiguredAdministratorIsTheOnlyAccountAndHasNoDemoPassword() {
        assertThat(users.count()).isEqualTo(1);
        assertThat(users.byUsername("admin")).isEmpty();
        var chief = users.byUsername("chief").orElseThrow();
        assertThat(encoder.matches("Chief-pass-2026", chief.passwordHash())).isTrue();
        assertThat(encoder.matches("renda-demo", chief.passwordHash())).isFalse();
        var root = orgs.findByCode("LJ").orElseThrow();
        assertThat(root.name()).isEqualTo("廉江市人大常委会");
        assertThat(users.grants(chief.id())).containsExactly(new UserStore.StoredGrant(Role.SYSTEM_ADMIN, root.id()));
    }
}
