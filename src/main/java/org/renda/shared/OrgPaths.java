package org.renda.shared;

import java.util.Collection;
import java.util.Map;

/**
 * The materialised path of organisations ({@code '/1/3/17/'}: the ids from the root down, each followed by a
 * slash), for checking a loaded row against a {@link Reach} held as path prefixes. Implemented by the
 * organisation module.
 */
public interface OrgPaths {

    /** The path of each given organisation that exists; missing ids are left out. */
    Map<Long, String> pathsOf(Collection<Long> orgIds);
}
