/**
 * Identity: users, the roles they hold on organisation subtrees, sign-in (form and bearer token),
 * the sign-in throttle, passwords, and the {@link org.renda.shared.CurrentActor} every module asks for scope.
 */
@ApplicationModule(displayName = "Identity and access")
@NullMarked
package org.renda.identity;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
