/**
 * The frame of the pages: layout, navigation, the home dashboard per role, language switching, and the
 * error handling of both surfaces (a Chinese message on pages, problem details in the API).
 */
@ApplicationModule(displayName = "Web frame")
@NullMarked
package org.renda.web;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
