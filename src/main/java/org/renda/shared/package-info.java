/**
 * The shared kernel: the few types every capability speaks (organisation ids, roles and permissions,
 * the acting user, domain errors, Excel and masking helpers). It depends on no other module.
 */
@ApplicationModule(type = ApplicationModule.Type.OPEN, displayName = "Shared kernel")
@NullMarked
package org.renda.shared;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
