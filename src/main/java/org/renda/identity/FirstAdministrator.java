package org.renda.identity;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.renda.org.OrgAdministration;
import org.renda.org.OrgTree;
import org.renda.org.OrgType;
import org.renda.org.OrgView;
import org.renda.shared.Role;
import org.renda.shared.SystemContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A fresh production database has no users and no default password: its first administrator (and, if
 * the tree is empty, its root organisation) comes from configuration, e.g.
 * RENDA_BOOTSTRAP_ADMIN_USERNAME / RENDA_BOOTSTRAP_ADMIN_PASSWORD. Runs after the demo loader.
 */
@Component
@Order(100)
class FirstAdministrator implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstAdministrator.class);

    @ConfigurationProperties("renda.bootstrap")
    record Settings(@Nullable String adminUsername, @Nullable String adminPassword, @Nullable String rootCode,
            @Nullable String rootName, @Nullable OrgType rootType) {}

    private final Settings settings;
    private final UserAdministration users;
    private final OrgAdministration orgAdmin;
    private final OrgTree orgs;

    FirstAdministrator(Settings settings, UserAdministration users, OrgAdministration orgAdmin, OrgTree orgs) {
        this.settings = settings;
        this.users = users;
        this.orgAdmin = orgAdmin;
        this.orgs = orgs;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (users.count() > 0) {
            return;
        }
        if (settings.adminPassword() == null || settings.adminPassword().isBlank()) {
            log.error("No user exists yet and no first administrator is configured: set "
                    + "renda.bootstrap.admin-username and renda.bootstrap.admin-password "
                    + "(RENDA_BOOTSTRAP_ADMIN_USERNAME, RENDA_BOOTSTRAP_ADMIN_PASSWORD) and restart.");
            return;
        }
        SystemContext.run(() -> {
            OrgView root = orgs.count() == 0
                    ? orgAdmin.create(new OrgAdministration.NewOrg(
                            settings.rootCode() == null ? "ROOT" : settings.rootCode(),
                            settings.rootName() == null ? "本级人大" : settings.rootName(),
                            settings.rootType() == null ? OrgType.COUNTY : settings.rootType(), null, 0))
                    : orgs.roots().get(0);
            String username = settings.adminUsername() == null ? "admin" : settings.adminUsername();
            users.create(new UserAdministration.NewUser(username, "系统管理员", root.id(), null, null,
                    settings.adminPassword(), List.of(new UserAdministration.GrantRequest(Role.SYSTEM_ADMIN, root.id()))));
            log.info("Created the first administrator '{}' on {}", username, root.name());
        });
    }
}
