/**
 * The demo dataset: on the first start of an empty database with {@code renda.demo.enabled=true}, loads a
 * fictional county (江南省 > 云溪市 > 清河县, ten towns and streets, their villages and communities, 27
 * government departments and units) and one account per role, so every screen has something to show.
 */
@ApplicationModule(displayName = "Demo dataset")
@NullMarked
package org.renda.demo;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
