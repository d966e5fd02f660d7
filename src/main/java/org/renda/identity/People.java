package org.renda.identity;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.renda.shared.PersonNames;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who acted, as a person reads it: a user's display name for the login name a record kept, the words for the
 * system, the public and the submitter, and the login name itself only for a user no longer on file. Pages ask
 * for a whole list at once ({@code th:with="people=${@people.names(steps.![actor])}"}, one query), or for one
 * field ({@code ${@people.name(r.recordedBy)}}). Names are not scoped: whoever sees a record sees who acted on it.
 */
@Component("people")
@Transactional(readOnly = true)
public class People implements PersonNames {

    /** Actors that are not users: keys {@code audit.actor.<value>}. */
    private static final Set<String> NOT_USERS = Set.of("system", "public", "submitter", "self");

    private final JdbcClient jdbc;
    private final MessageSource messages;

    People(JdbcClient jdbc, MessageSource messages) {
        this.jdbc = jdbc;
        this.messages = messages;
    }

    @Override
    public Map<String, String> displayNames(Collection<String> usernames) {
        Set<String> wanted = new LinkedHashSet<>();
        for (String u : usernames) {
            if (u != null && !u.isBlank() && !NOT_USERS.contains(u)) {
                wanted.add(u);
            }
        }
        Map<String, String> names = new HashMap<>();
        if (wanted.isEmpty()) {
            return names;
        }
        List<String> list = List.copyOf(wanted);
        for (int from = 0; from < list.size(); from += 500) {
            jdbc.sql("select username, display_name from app_user where username in (:u)")
                    .param("u", list.subList(from, Math.min(list.size(), from + 500)))
                    .query(rs -> {
                        names.put(rs.getString(1), rs.getString(2));
                    });
        }
        return names;
    }

    @Override
    public List<String> usernamesMatching(String text) {
        String like = "%" + text.strip().toLowerCase().replace("%", "").replace("_", "") + "%";
        return jdbc.sql("""
                select username from app_user where lower(username) like :q or lower(display_name) like :q
                order by username limit 200""").param("q", like).query(String.class).list();
    }

    /** Every given actor as a person reads it, for a list of steps or entries. */
    public Map<String, String> names(@Nullable Collection<String> actors) {
        if (actors == null) {
            return Map.of();
        }
        Map<String, String> known = displayNames(actors);
        Map<String, String> out = new HashMap<>();
        for (String a : actors) {
            if (a != null) {
                out.put(a, label(a, known));
            }
        }
        return out;
    }

    /** One actor as a person reads it; empty for none. */
    public String name(@Nullable String actor) {
        if (actor == null || actor.isBlank()) {
            return "";
        }
        return label(actor, NOT_USERS.contains(actor) ? Map.of() : displayNames(List.of(actor)));
    }

    private String label(String actor, Map<String, String> known) {
        if (NOT_USERS.contains(actor)) {
            return messages.getMessage("audit.actor." + actor, null, actor, LocaleContextHolder.getLocale());
        }
        return known.getOrDefault(actor, actor);
    }
}
