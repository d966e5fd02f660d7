package org.renda.identity;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/** Loads accounts for form sign-in. */
@Component
class AccountDetails implements UserDetailsService {

    private final UserStore users;

    AccountDetails(UserStore users) {
        this.users = users;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return users.byUsername(username.strip())
                .map(a -> new RendaPrincipal(a.id(), a.username(), a.displayName(), a.passwordHash(),
                        a.enabled()))
                .orElseThrow(() -> new UsernameNotFoundException("unknown user"));
    }
}
