package org.aftercart.account;

import org.aftercart.platform.GuestLookupLimits;
import org.springframework.stereotype.Component;

/**
 * How often sign-in links may be asked for: a token bucket per client address and one per e-mail
 * address (whoever asks), so that nobody can flood a mailbox or probe many addresses.
 */
@Component
class SignInLimits extends GuestLookupLimits {

    SignInLimits(AccountSettings settings) {
        super(settings.linksPerAddress(), settings.linksPerEmail(), settings.linkWindow());
    }
}
