package org.renda.demo;

import org.renda.shared.Role;

/**
 * One account of the demo dataset, as the README and docs/demo-accounts.md list it. The role is granted on
 * the organisation with {@code orgCode}, which is also the user's home organisation.
 *
 * @param purpose what the account is for, in Chinese, for the people trying the demo
 */
record DemoAccount(String username, String displayName, Role role, String orgCode, String orgName,
        String purpose) {}
