package org.renda.identity;

import java.util.Map;
import org.renda.audit.AuditTrail;
import org.renda.shared.web.ClientAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AccountStatusUserDetailsChecker;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Form sign-in: the password check behind the {@link SignInThrottle}. Every failure gets one answer, whatever its
 * cause (unknown user, wrong password, a wait not yet over, a disabled account), and costs the same password hash
 * as a wrong password: the account's state is checked only after its password matched, and an unknown user is
 * hashed against a dummy. The only authentication provider of the application, so no other one can bypass it.
 */
@Component
class ThrottledSignIn implements AuthenticationProvider {

    private static final Logger log = LoggerFactory.getLogger(ThrottledSignIn.class);

    private final DaoAuthenticationProvider passwords;
    private final SignInThrottle throttle;
    private final UserStore users;
    private final AuditTrail audit;
    private final TransactionTemplate tx;

    ThrottledSignIn(AccountDetails accounts, PasswordEncoder encoder, SignInThrottle throttle, UserStore users,
            AuditTrail audit, TransactionTemplate tx) {
        this.passwords = new DaoAuthenticationProvider(accounts);
        this.passwords.setPasswordEncoder(encoder);
        // Account state (disabled) is looked at only once the password matched: before, it would answer faster.
        this.passwords.setPreAuthenticationChecks(user -> {});
        this.passwords.setPostAuthenticationChecks(new AccountStatusUserDetailsChecker());
        this.throttle = throttle;
        this.users = users;
        this.audit = audit;
        this.tx = tx;
    }

    @Override
    public Authentication authenticate(Authentication attempt) throws AuthenticationException {
        String username = String.valueOf(attempt.getName()).strip();
        String address = attempt.getDetails() instanceof WebAuthenticationDetails d
                ? ClientAddress.key(d.getRemoteAddress()) : "unknown";
        if (throttle.waitUntil(username, address).isPresent()) {
            throw new BadCredentialsException("Bad credentials");
        }
        try {
            Authentication done = passwords.authenticate(attempt);
            throttle.succeeded(username, address);
            return done;
        } catch (AuthenticationException e) {
            if (throttle.failed(username, address)) {
                auditWaits(username);
            }
            throw new BadCredentialsException("Bad credentials", e);
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    private void auditWaits(String username) {
        users.byUsername(username).ifPresent(a -> {
            log.warn("Repeated sign-in failures: account {} now waits between attempts", a.id());
            tx.executeWithoutResult(s -> audit.record(a.orgId(), UserAdministration.AUDIT_TYPE, a.id(),
                    "SIGN_IN_DELAYED", null,
                    Map.of("failedAttempts", throttle.settings().account().free())));
        });
    }
}
