package org.aftercart.admin;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.UUID;
import org.aftercart.conversations.ConversationView;
import org.aftercart.conversations.Conversations;
import org.aftercart.conversations.CustomerNote;
import org.aftercart.customers.CustomerId;
import org.aftercart.notifications.MessageKind;
import org.aftercart.notifications.MessageStatus;
import org.aftercart.notifications.MessageView;
import org.aftercart.platform.StaffAccounts;
import org.aftercart.shared.Money;
import org.aftercart.wallet.Wallet;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * What the agent actions fragment of the customer's page reads ({@code @customerActions} in
 * admin/customer-actions.html), so that the page's controller needs to know nothing about it.
 */
@Component("customerActions")
class CustomerActionsView {

    static final int NOTES_SHOWN = 5;
    static final int CONVERSATIONS_SHOWN = 5;
    static final int MESSAGES_SHOWN = 10;

    private final Conversations conversations;
    private final GoodwillLimits limits;

    private final Wallet wallet;
    private final Clock clock;
    private final ZoneId shopZone;

    CustomerActionsView(
            Conversations conversations,
            GoodwillLimits limits,
            Wallet wallet,
            Clock clock,
            @Value("${aftercart.console.time-zone:Europe/London}") ZoneId shopZone) {
        this.conversations = conversations;
        this.limits = limits;
        this.wallet = wallet;
        this.clock = clock;
        this.shopZone = shopZone;
    }

    /** The customer's latest conversations, newest first. */
    public List<ConversationView> conversations(CustomerId customer) {
        return conversations.ofCustomer(customer).stream()
                .limit(CONVERSATIONS_SHOWN)
                .toList();
    }

    public List<CustomerNote> notes(CustomerId customer) {
        return conversations.notesOf(customer, NOTES_SHOWN);
    }

    /** The signed-in staff member's goodwill limit in each currency they may grant in. */
    public List<Money> goodwillLimits() {
        List<StaffAccounts.Role> roles = roles();
        return limits.currenciesFor(roles).stream()
                .map((Currency currency) -> limits.limitFor(roles, currency).orElseThrow())
                .toList();
    }

    /**
     * What the signed-in staff member may still grant today in each currency they may grant in:
     * their daily limit less what the wallet recorded as granted by them since the shop's day began.
     */
    public List<Money> goodwillLeftToday() {
        List<StaffAccounts.Role> roles = roles();
        String staff = SecurityContextHolder.getContext().getAuthentication().getName();
        Instant dayStart = CustomerActionsController.startOfToday(clock, shopZone);
        return limits.currenciesFor(roles).stream()
                .map((Currency currency) -> {
                    Money left = limits.dailyLimitFor(roles, currency)
                            .orElseThrow()
                            .minus(wallet.grantedByStaffSince(staff, currency, dayStart));
                    return left.isNegative() ? Money.zero(currency) : left;
                })
                .toList();
    }

    /** Sent messages to the customer an agent may send again, newest first. */
    public List<MessageView> resendable(List<MessageView> messages) {
        return messages.stream()
                .filter(message -> message.status() == MessageStatus.SENT)
                .filter(message -> MessageKind.Purpose.TRANSACTIONAL.name().equals(message.purpose()))
                .filter(message -> !MessageKind.SIGN_IN_LINK.key().equals(message.kind()))
                .limit(MESSAGES_SHOWN)
                .toList();
    }

    /** A fresh key for a form, so that submitting it twice acts once. */
    public String newKey() {
        return UUID.randomUUID().toString();
    }

    private static List<StaffAccounts.Role> roles() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null) {
            return List.of();
        }
        List<String> granted = authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .toList();
        return Arrays.stream(StaffAccounts.Role.values())
                .filter(role -> granted.contains("ROLE_" + role.name()))
                .toList();
    }
}
