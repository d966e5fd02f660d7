/**
 * Deputies (代表) and their duty archive (履职档案): the register by level and term with status
 * history, duty records with evidence verified by staff, yearly commitments, grid duty, the public
 * profile with its QR code and nameplate.
 */
@ApplicationModule(displayName = "Deputies and duty archive")
@NullMarked
package org.renda.deputy;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
