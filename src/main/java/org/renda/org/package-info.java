/**
 * Organisations: the tree province > city > county > town/street > village/community, with government
 * departments and other units at each level. Every record of every module belongs to one of them.
 */
@ApplicationModule(displayName = "Organisations")
@NullMarked
package org.renda.org;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
