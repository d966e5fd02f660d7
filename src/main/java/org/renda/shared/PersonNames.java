package org.renda.shared;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * People's names for screens that say who did something. Records keep the login name of whoever acted (audit
 * entries, case timelines, reviews); a screen shows the person's name instead. The identity module answers; a
 * module that may not depend on identity (the audit log, which identity itself writes to) asks through this.
 */
public interface PersonNames {

    /** The display name of each known login name (unknown ones are left out), in one query for the whole set. */
    Map<String, String> displayNames(Collection<String> usernames);

    /** The login names of the users whose name or login name contains {@code text} (at most 200). */
    List<String> usernamesMatching(String text);
}
